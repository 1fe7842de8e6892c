using System.Collections.Immutable;

namespace ContractKit.Contracts.Validation;

/// <summary>The verdict on one record.</summary>
/// <param name="Errors">Every way the record breaks the schema, up to the configured limit.</param>
/// <param name="MoreErrors">Errors beyond the limit, counted but not described.</param>
public sealed record ValidationResult(ImmutableArray<ValidationError> Errors, int MoreErrors)
{
    /// <summary>A valid record.</summary>
    public static ValidationResult Valid { get; } = new([], 0);

    /// <summary>True when the record satisfies the schema.</summary>
    public bool IsValid => Errors.IsEmpty && MoreErrors == 0;
}
