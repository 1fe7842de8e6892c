namespace ContractKit.Mocks.Generation;

/// <summary>
/// A schema the record generator cannot honour: a constraint it cannot satisfy for sure (a pattern
/// with a lookahead, contradictory bounds, oneOf branches that always overlap…). Raised when the
/// generator is built, so no invalid record is ever produced silently. Where a value is drawn until
/// the validator accepts it (overlapping branches, not, uniqueItems), construction measured that most
/// draws pass; should a record still exhaust its draws (odds below 1e-19), writing it raises this
/// rather than write an invalid record.
/// </summary>
public sealed class GenerationException : Exception
{
    internal GenerationException(string schemaLocation, string message)
        : base($"{(schemaLocation.Length == 0 ? "#" : schemaLocation)}: {message}")
    {
        SchemaLocation = schemaLocation.Length == 0 ? "#" : schemaLocation;
        Reason = message;
    }

    /// <summary>
    /// Where the constraint is, as a JSON Pointer fragment into the dataset schema with its references
    /// inlined (<see cref="Contracts.Schemas.DatasetSchema.Inline"/>): <c>#/properties/code/pattern</c>.
    /// Where no <c>$ref</c> is crossed it is the schema's own pointer.
    /// </summary>
    public string SchemaLocation { get; }

    /// <summary>What cannot be generated, and why.</summary>
    public string Reason { get; }
}
