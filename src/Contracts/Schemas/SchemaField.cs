using System.Collections.Immutable;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Schemas;

/// <summary>
/// One property of a dataset's records as the schema declares it: what probes compare columns
/// with, what docs print as a table row, what simulators generate.
/// </summary>
/// <param name="Path">The field's path from the record root.</param>
/// <param name="Types">The JSON types it may have.</param>
/// <param name="Format">Its <c>format</c>, if any (date-time, uuid, email…).</param>
/// <param name="Required">True when every record has it (it and its parents are required).</param>
/// <param name="Pii">True when marked <c>x-pii: true</c>.</param>
/// <param name="PiiDeclared">True when <c>x-pii</c> is written at all (true or false).</param>
/// <param name="Description">Its description.</param>
/// <param name="EnumValues">Its <c>enum</c> values as JSON text, when it has one.</param>
/// <param name="Span">Where its subschema is written.</param>
public sealed record SchemaField(
    FieldPath Path,
    JsonTypes Types,
    string? Format,
    bool Required,
    bool Pii,
    bool PiiDeclared,
    string? Description,
    ImmutableArray<string> EnumValues,
    SourceSpan Span)
{
    /// <summary>True when null is allowed.</summary>
    public bool Nullable => Types.HasFlag(JsonTypes.Null);

    /// <summary>Its value rules for people, as written: <c>minimum 0</c>, <c>pattern ^[A-Z]{3}$</c>, <c>1–64 characters</c>.</summary>
    public ImmutableArray<string> Constraints { get; init; } = [];

    /// <summary>An example value as JSON text: its first <c>examples</c> entry, else its <c>default</c>; null when it has neither.</summary>
    public string? Example { get; init; }
}
