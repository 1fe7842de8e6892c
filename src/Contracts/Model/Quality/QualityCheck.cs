using System.Collections.Immutable;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Quality;

/// <summary>
/// A quality rule on a dataset's records. One subtype per <c>check:</c> kind; the loader's
/// <c>QualityCheckBinders</c> is the one place that maps names to subtypes.
/// </summary>
public abstract record QualityCheck
{
    /// <summary>The kind as written in the contract (<c>nullRate</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>A stable id for results and history: the kind and its target, or the user's name.</summary>
    public abstract string Id { get; }

    /// <summary>The JSON Pointer of the check in its contract.</summary>
    public required string Pointer { get; init; }
}

/// <summary>At most a share of records have the field null or missing.</summary>
/// <param name="Field">The field.</param>
/// <param name="Max">The largest acceptable share.</param>
public sealed record NullRateCheck(FieldPath Field, Percentage Max) : QualityCheck
{
    /// <inheritdoc />
    public override string Kind => "nullRate";

    /// <inheritdoc />
    public override string Id => $"nullRate:{Field}";
}

/// <summary>At most so many records share the same values of the fields.</summary>
/// <param name="Fields">The fields that should be unique together.</param>
/// <param name="Max">The largest acceptable number of duplicate records.</param>
public sealed record DuplicatesCheck(ImmutableArray<FieldPath> Fields, long Max) : QualityCheck
{
    /// <inheritdoc />
    public override string Kind => "duplicates";

    /// <inheritdoc />
    public override string Id => $"duplicates:{string.Join(',', Fields)}";
}

/// <summary>A read-only SQL query returning one number, compared with bounds (PostgreSQL sources).</summary>
/// <param name="Name">A name for results; defaults to the check's position.</param>
/// <param name="Query">One SELECT statement.</param>
/// <param name="Min">Smallest acceptable result.</param>
/// <param name="Max">Largest acceptable result.</param>
public sealed record SqlCheck(string Name, string Query, decimal? Min, decimal? Max) : QualityCheck
{
    /// <inheritdoc />
    public override string Kind => "sql";

    /// <inheritdoc />
    public override string Id => $"sql:{Name}";
}
