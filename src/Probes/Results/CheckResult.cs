using System.Collections.Immutable;

namespace ContractKit.Probes.Results;

/// <summary>Whose clock a time-based check used.</summary>
public enum ClockSource
{
    /// <summary>The source's own clock: the database's <c>now()</c>, the HTTP <c>Date</c> header.</summary>
    Source,

    /// <summary>The probing machine's clock (the source has none, or did not say).</summary>
    Local,
}

/// <summary>The clock a probe measured time with.</summary>
/// <param name="Now">The time it read.</param>
/// <param name="Source">Whose clock it was.</param>
/// <param name="Description">Where it came from, e.g. <c>database now()</c>.</param>
public sealed record ProbeClock(DateTimeOffset Now, ClockSource Source, string Description);

/// <summary>One piece of evidence for a failed check: an offending record (personal data masked) or a finding.</summary>
/// <param name="Description">What is wrong, e.g. <c>/amount: must be at least 0, not -3 (minimum)</c>.</param>
/// <param name="Location">Where: a file and line, a page and index, a column.</param>
/// <param name="Record">The record as JSON text, with <c>x-pii</c> fields replaced by <c>"***"</c>; null when there is none.</param>
public sealed record Evidence(string Description, string? Location, string? Record);

/// <summary>The outcome of one check of one dataset.</summary>
public sealed record CheckResult
{
    /// <summary>Stable id: <c>freshness</c>, <c>volume</c>, <c>schema</c>, <c>nullRate:amount</c>, <c>sql:name</c>, <c>latency</c>, <c>errorRate</c>, <c>cdc:slot</c>.</summary>
    public required string CheckId { get; init; }

    /// <summary>The dataset, or null for source-wide checks.</summary>
    public required string? Dataset { get; init; }

    /// <summary>The verdict.</summary>
    public required CheckStatus Status { get; init; }

    /// <summary>What was measured, for people: <c>age 12m</c>, <c>4,210 records in the last 1h</c>.</summary>
    public required string Measured { get; init; }

    /// <summary>What the contract promises: <c>warn ≥ 15m, fail ≥ 1h</c>.</summary>
    public required string Expected { get; init; }

    /// <summary>The measurement as a number in <see cref="Unit"/>, for metrics and history; null when there is none.</summary>
    public double? Value { get; init; }

    /// <summary>UCUM unit of <see cref="Value"/>: <c>s</c>, <c>{record}</c>, <c>%</c>, <c>By</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>Why the status is what it is, in one sentence; for errors, what could not be done.</summary>
    public string? Message { get; init; }

    /// <summary>At most the configured number of offending records or findings.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>How long the measurement took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The clock time-based checks used; null for checks that read no clock.</summary>
    public ProbeClock? Clock { get; init; }
}
