using NJsonSchema;
using NJsonSchema.CodeGeneration;

namespace ContractKit.Cli.Commands.Codegen;

/// <summary>Property names in upper camel case (<c>order_id</c> → <c>OrderId</c>), unique within their type.</summary>
internal sealed class PascalPropertyNameGenerator : IPropertyNameGenerator
{
    // NJsonSchema adds AdditionalProperties for open content models; records and object have the
    // next ones; a member named System or Microsoft would hide the namespaces the attributes use.
    private static readonly string[] Reserved =
    [
        "AdditionalProperties", "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers",
        "MemberwiseClone", "Finalize", "ReferenceEquals", "System", "Microsoft",
    ];

    public string Generate(JsonSchemaProperty property)
    {
        var siblings = property.ParentSchema?.Properties.Keys.ToList() ?? [property.Name];
        var names = CSharpNames.Unique(siblings.Select(key => CSharpNames.Pascal(key, "Property")), Reserved);
        var index = siblings.IndexOf(property.Name);
        return index < 0 ? CSharpNames.Pascal(property.Name, "Property") : names[index];
    }
}

/// <summary>Enum member names in upper camel case (<c>page_view</c> → <c>PageView</c>), unique within their enum.</summary>
internal sealed class PascalEnumNameGenerator : IEnumNameGenerator
{
    public string Generate(int index, string? name, object? value, JsonSchema schema)
    {
        // index is the value's position in the schema's enum (null values included).
        var names = CSharpNames.Unique(schema.Enumeration.Select(CSharpNames.EnumMember), []);
        return index >= 0 && index < names.Count ? names[index] : CSharpNames.EnumMember(value);
    }
}

/// <summary>Type names in upper camel case, from the definition name or the property that holds the type.</summary>
internal sealed class PascalTypeNameGenerator : DefaultTypeNameGenerator
{
    protected override string Generate(JsonSchema schema, string? typeNameHint)
    {
        var hint = string.IsNullOrEmpty(typeNameHint) && schema.HasTypeNameTitle ? schema.Title : typeNameHint;
        var name = CSharpNames.Pascal(hint ?? "", "Anonymous");

        // The generated code names System.* and Microsoft.* types; a type of that name would hide them.
        return name is "System" or "Microsoft" ? name + "Type" : name;
    }
}
