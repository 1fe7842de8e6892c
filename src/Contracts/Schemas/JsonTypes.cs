namespace ContractKit.Contracts.Schemas;

/// <summary>The JSON types a schema allows, as flags (<c>[string, "null"]</c> is <c>String | Null</c>).</summary>
[Flags]
public enum JsonTypes
{
    /// <summary>No type constraint could be read.</summary>
    None = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>boolean</c>.</summary>
    Boolean = 2,

    /// <summary><c>integer</c>.</summary>
    Integer = 4,

    /// <summary><c>number</c> (includes integers).</summary>
    Number = 8,

    /// <summary><c>string</c>.</summary>
    String = 16,

    /// <summary><c>array</c>.</summary>
    Array = 32,

    /// <summary><c>object</c>.</summary>
    Object = 64,

    /// <summary>Every type (no <c>type</c> keyword).</summary>
    Any = Null | Boolean | Integer | Number | String | Array | Object,
}

/// <summary>Reading and printing <see cref="JsonTypes"/>.</summary>
public static class JsonTypeNames
{
    /// <summary>The flag of one JSON Schema type name, or None.</summary>
    public static JsonTypes Parse(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "array" => JsonTypes.Array,
        "object" => JsonTypes.Object,
        _ => JsonTypes.None,
    };

    /// <summary>Prints flags as JSON Schema names: <c>string | null</c>.</summary>
    public static string Format(JsonTypes types)
    {
        if (types == JsonTypes.Any || types == JsonTypes.None)
        {
            return "any";
        }

        var names = new List<string>();
        foreach (var (flag, name) in new[] { (JsonTypes.String, "string"), (JsonTypes.Number, "number"), (JsonTypes.Integer, "integer"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Object, "object"), (JsonTypes.Array, "array"), (JsonTypes.Null, "null") })
        {
            if (types.HasFlag(flag) && !(flag == JsonTypes.Integer && types.HasFlag(JsonTypes.Number)))
            {
                names.Add(name);
            }
        }

        return string.Join(" | ", names);
    }
}
