using System.Collections.Immutable;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Observations;

/// <summary>
/// What a source kind measured about one dataset, before any verdict. Each measurement is null when
/// the source did not take it (the contract asks nothing that needs it), or an <see cref="Observed{T}"/>
/// with its value or error. Checks turn this into results; sources never decide pass or fail.
/// </summary>
public sealed record DatasetObservation
{
    /// <summary>The clock time-based measurements were taken with.</summary>
    public required ProbeClock Clock { get; init; }

    /// <summary>Records or columns compared with the schema.</summary>
    public Observed<SchemaObservation>? Schema { get; init; }

    /// <summary>The newest event time (null value: the source holds no records).</summary>
    public Observed<DateTimeOffset?>? NewestEventTime { get; init; }

    /// <summary>Records whose event time lies in the volume window ending at the clock's now.</summary>
    public Observed<long>? RecordsInWindow { get; init; }

    /// <summary>Event times that cannot be right: in the future, or years old (record-reading sources only).</summary>
    public Observed<EventTimeAnomalies>? EventTimeAnomalies { get; init; }

    /// <summary>Quality measurements by quality-check id.</summary>
    public ImmutableDictionary<string, Observed<QualityMeasurement>> Quality { get; init; } = ImmutableDictionary<string, Observed<QualityMeasurement>>.Empty;

    /// <summary>The probe's own requests to the source (HTTP sources).</summary>
    public Observed<RequestStatistics>? Requests { get; init; }

    /// <summary>The replication slot feeding the consumer (PostgreSQL with cdc).</summary>
    public Observed<ReplicationSlotState>? ReplicationSlot { get; init; }

    /// <summary>Things that weaken the measurement without failing it (an unindexed event-time column).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Facts worth printing beside the results: a table-size estimate, pages read.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>An observation in which every measurement the dataset needs failed the same way (unreachable source, bad configuration).</summary>
    public static DatasetObservation Unavailable(ProbeClock clock, string error) => new() { Clock = clock, Failure = error };

    /// <summary>When set, nothing could be measured: every check is an error with this message.</summary>
    public string? Failure { get; init; }
}

/// <summary>How the records or columns compare with the schema.</summary>
/// <param name="Checked">How many records or columns were compared.</param>
/// <param name="Unit">What was compared: <c>records</c> or <c>columns</c>.</param>
/// <param name="Violations">How many broke the schema.</param>
/// <param name="Findings">Each difference, classified as breaking or compatible drift.</param>
public sealed record SchemaObservation(long Checked, string Unit, long Violations, ImmutableArray<SchemaFinding> Findings);

/// <summary>One way the data differs from the schema.</summary>
/// <param name="Description">What differs.</param>
/// <param name="Breaking">True when consumers built on the contract would break; false for compatible drift (an extra column in an open schema).</param>
/// <param name="Location">Where: a record's file and line, a page, a column.</param>
/// <param name="Record">The offending record, personal data masked; null for column findings.</param>
public sealed record SchemaFinding(string Description, bool Breaking, string? Location, string? Record);

/// <summary>A quality measurement: a count out of a total (null rate, duplicates) or a query result.</summary>
/// <param name="Count">The count or value.</param>
/// <param name="Total">The records it is out of; null for custom SQL.</param>
public sealed record QualityMeasurement(decimal Count, long? Total);

/// <summary>The probe's own requests to the source.</summary>
/// <param name="Latencies">Each attempt's latency.</param>
/// <param name="Attempts">Requests sent, retries included.</param>
/// <param name="Failures">Attempts that failed (5xx, 429, network errors, timeouts).</param>
/// <param name="Retries">Attempts that were retries.</param>
/// <param name="Pages">Pages read.</param>
public sealed record RequestStatistics(ImmutableArray<TimeSpan> Latencies, int Attempts, int Failures, int Retries, int Pages);

/// <summary>A PostgreSQL replication slot.</summary>
/// <param name="Exists">False when no slot has the contract's name.</param>
/// <param name="Active">True when a consumer is connected.</param>
/// <param name="LagBytes">WAL bytes the consumer has not confirmed.</param>
public sealed record ReplicationSlotState(bool Exists, bool Active, long LagBytes);

/// <summary>Records whose event time is implausible on the clock that measured them.</summary>
/// <param name="Checked">Records with a readable event time.</param>
/// <param name="Future">Records stamped later than the clock (beyond a tolerance for clock skew).</param>
/// <param name="Ancient">Records stamped more than a year before the clock.</param>
/// <param name="Evidence">Some of them, personal data masked.</param>
public sealed record EventTimeAnomalies(long Checked, long Future, long Ancient, ImmutableArray<SchemaFinding> Evidence);
