using System.Collections.Frozen;

namespace ContractKit.Contracts.Schemas;

/// <summary>What a keyword's value must be.</summary>
internal enum KeywordValue
{
    Schema,
    SchemaMap,
    SchemaArray,
    Text,
    Reference,
    Regex,
    RegexMap,
    Types,
    Count,
    Number,
    PositiveNumber,
    Boolean,
    UniqueStrings,
    NonEmptyArray,
    Array,
    Anything,
    StringArrayMap,
    Format,
}

/// <summary>
/// The JSON Schema 2020-12 keywords dataset schemas may use, what each keyword's value must be,
/// and which formats the record validator enforces. Lint rejects anything else, because a keyword
/// the validator skips would pass every record.
/// </summary>
internal static class SchemaKeywords
{
    public static FrozenDictionary<string, KeywordValue> Known { get; } = new Dictionary<string, KeywordValue>(StringComparer.Ordinal)
    {
        // Core.
        ["$schema"] = KeywordValue.Text,
        ["$id"] = KeywordValue.Text,
        ["$ref"] = KeywordValue.Reference,
        ["$anchor"] = KeywordValue.Text,
        ["$dynamicRef"] = KeywordValue.Reference,
        ["$dynamicAnchor"] = KeywordValue.Text,
        ["$defs"] = KeywordValue.SchemaMap,
        ["definitions"] = KeywordValue.SchemaMap,
        ["$comment"] = KeywordValue.Text,

        // Applicators.
        ["allOf"] = KeywordValue.SchemaArray,
        ["anyOf"] = KeywordValue.SchemaArray,
        ["oneOf"] = KeywordValue.SchemaArray,
        ["not"] = KeywordValue.Schema,
        ["if"] = KeywordValue.Schema,
        ["then"] = KeywordValue.Schema,
        ["else"] = KeywordValue.Schema,
        ["dependentSchemas"] = KeywordValue.SchemaMap,
        ["prefixItems"] = KeywordValue.SchemaArray,
        ["items"] = KeywordValue.Schema,
        ["contains"] = KeywordValue.Schema,
        ["properties"] = KeywordValue.SchemaMap,
        ["patternProperties"] = KeywordValue.RegexMap,
        ["additionalProperties"] = KeywordValue.Schema,
        ["propertyNames"] = KeywordValue.Schema,
        ["unevaluatedItems"] = KeywordValue.Schema,
        ["unevaluatedProperties"] = KeywordValue.Schema,

        // Validation.
        ["type"] = KeywordValue.Types,
        ["enum"] = KeywordValue.NonEmptyArray,
        ["const"] = KeywordValue.Anything,
        ["multipleOf"] = KeywordValue.PositiveNumber,
        ["maximum"] = KeywordValue.Number,
        ["exclusiveMaximum"] = KeywordValue.Number,
        ["minimum"] = KeywordValue.Number,
        ["exclusiveMinimum"] = KeywordValue.Number,
        ["maxLength"] = KeywordValue.Count,
        ["minLength"] = KeywordValue.Count,
        ["pattern"] = KeywordValue.Regex,
        ["maxItems"] = KeywordValue.Count,
        ["minItems"] = KeywordValue.Count,
        ["uniqueItems"] = KeywordValue.Boolean,
        ["maxContains"] = KeywordValue.Count,
        ["minContains"] = KeywordValue.Count,
        ["maxProperties"] = KeywordValue.Count,
        ["minProperties"] = KeywordValue.Count,
        ["required"] = KeywordValue.UniqueStrings,
        ["dependentRequired"] = KeywordValue.StringArrayMap,
        ["format"] = KeywordValue.Format,

        // Annotations: they describe, they promise nothing about records.
        ["title"] = KeywordValue.Text,
        ["description"] = KeywordValue.Text,
        ["default"] = KeywordValue.Anything,
        ["deprecated"] = KeywordValue.Boolean,
        ["readOnly"] = KeywordValue.Boolean,
        ["writeOnly"] = KeywordValue.Boolean,
        ["examples"] = KeywordValue.Array,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Keywords that look like rules but that validators treat as annotations only.</summary>
    public static FrozenDictionary<string, string> Unenforced { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contentEncoding"] = "contentEncoding is an annotation in JSON Schema 2020-12: no validator checks that the text is, say, base64",
        ["contentMediaType"] = "contentMediaType is an annotation in JSON Schema 2020-12: no validator checks the content's media type",
        ["contentSchema"] = "contentSchema is an annotation in JSON Schema 2020-12: embedded content is not validated",
        ["$vocabulary"] = "$vocabulary belongs in meta-schemas; a dataset schema cannot switch vocabularies",
        ["$recursiveRef"] = "$recursiveRef is draft 2019-09; use $dynamicRef",
        ["$recursiveAnchor"] = "$recursiveAnchor is draft 2019-09; use $dynamicAnchor",
        ["additionalItems"] = "additionalItems is ignored in draft 2020-12; use prefixItems with items",
        ["dependencies"] = "dependencies is ignored in draft 2020-12; use dependentRequired or dependentSchemas",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words from other dialects that people write by habit, and what to write instead.</summary>
    public static FrozenDictionary<string, string> Misfits { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nullable"] = "nullable is OpenAPI, not JSON Schema: write type: [string, \"null\"]",
        ["example"] = "example is OpenAPI: write examples: [ … ]",
        ["discriminator"] = "discriminator is OpenAPI: use oneOf with const on the discriminating property",
        ["optional"] = "JSON Schema has no optional: list the required properties in required: [ … ]",
        ["id"] = "id is draft 4: write $id",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Formats the record validator checks; any other <c>format</c> would silently pass. Exactly the
    /// names of <see cref="Validation.Formats.FormatCheckers"/>: a test keeps the two equal.
    /// </summary>
    public static FrozenSet<string> EnforcedFormats { get; } = new[]
    {
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid",
        "json-pointer", "relative-json-pointer", "regex",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Keywords whose subschemas apply to the same value (not to a property or item of it).</summary>
    public static FrozenSet<string> InPlace { get; } = new[]
    {
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The JSON Schema dialects dataset schemas may declare in <c>$schema</c>.</summary>
    public static FrozenSet<string> Dialects { get; } = new[]
    {
        "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#",
    }.ToFrozenSet(StringComparer.Ordinal);
}
