using NJsonSchema;
using NJsonSchema.CodeGeneration;

namespace ContractKit.Cli.Commands.Codegen;

/// <summary>Property names in upper camel case (<c>order_id</c> → <c>OrderId</c>), unique within their type.</summary>
internal sealed class PascalPropertyNameGenerator : IPropertyNameGenerator
{
    // NJsonSchema adds this member for open content models (additionalProperties not false).
    private static readonly string[] Reserved = ["AdditionalProperties"];

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
        return CSharpNames.Pascal(hint ?? "", "Anonymous");
    }
}
