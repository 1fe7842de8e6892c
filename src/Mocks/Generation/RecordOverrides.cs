namespace ContractKit.Mocks.Generation;

/// <summary>
/// Field values the caller decides instead of the seed, so a simulator controls each record's
/// identity and time. Everything else in the record still comes from the record's seed: the same seed
/// and overrides give the same bytes.
/// </summary>
public sealed record RecordOverrides
{
    /// <summary>
    /// The value of the dataset's event-time field, written as an RFC 3339 date-time in UTC
    /// (<c>2025-03-14T09:26:53.589Z</c>; fractions of a second only when there are any).
    /// </summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>
    /// A number unique to the record, from which every key field takes a value unique to it: a uuid
    /// derived from it (<c>format: uuid</c>), the number itself for integer keys (shifted to the lowest
    /// value the schema allows, stepped by <c>multipleOf</c>), the decimal digits for string keys
    /// (zero-padded to <c>minLength</c>; the sequence's rank among the pattern's strings for keys with
    /// a <c>pattern</c>). Must not be negative.
    /// </summary>
    public long? KeySequence { get; init; }
}
