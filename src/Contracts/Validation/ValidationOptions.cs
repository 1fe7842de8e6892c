namespace ContractKit.Contracts.Validation;

/// <summary>How a validator reports.</summary>
public sealed record ValidationOptions
{
    /// <summary>The defaults: up to 100 errors per record.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Most errors collected for one record; the rest are counted, not described.</summary>
    public int MaxErrorsPerRecord { get; init; } = 100;

    /// <summary>
    /// True (the default) to enforce <c>format</c> (date-time, uuid, email…). JSON Schema 2020-12 makes
    /// format an annotation unless asked; a contract that names a format means it, so ContractKit asks.
    /// </summary>
    public bool AssertFormats { get; init; } = true;
}
