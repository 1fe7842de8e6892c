using System.Collections.Immutable;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Simulation;

/// <summary>How a simulator reproduces the source.</summary>
/// <param name="Seed">Seed for every random choice: the same seed gives the same records and faults.</param>
/// <param name="Rate">Records produced per unit of event time.</param>
/// <param name="Late">Records that arrive after their event time.</param>
/// <param name="Duplicates">Share of records served twice.</param>
/// <param name="Profiles">Named fault profiles, chosen at run time.</param>
public sealed record SimulationSettings(long Seed, Rate Rate, LateArrivals? Late, Percentage Duplicates, ImmutableDictionary<string, FaultProfile> Profiles)
{
    /// <summary>Default seed.</summary>
    public const long DefaultSeed = 1;

    /// <summary>Default rate.</summary>
    public static Rate DefaultRate { get; } = Rate.Create(100, Duration.FromHours(1));
}

/// <summary>Records that become visible only some time after their event time.</summary>
/// <param name="Share">Share of records that are late.</param>
/// <param name="UpTo">Longest delay.</param>
public sealed record LateArrivals(Percentage Share, Duration UpTo);

/// <summary>A named way for the simulated source to misbehave.</summary>
/// <param name="Http">Request-level faults.</param>
/// <param name="Timeline">Scripted outages on the simulator's clock.</param>
/// <param name="Violations">Contract violations injected into records.</param>
/// <param name="Pagination">Broken pagination.</param>
public sealed record FaultProfile(HttpFaults? Http, ImmutableArray<OutageStep> Timeline, ViolationInjection? Violations, PaginationFaults? Pagination);

/// <summary>Faults on individual HTTP requests.</summary>
/// <param name="Errors">Share of requests answered with each status code.</param>
/// <param name="Latency">Added latency.</param>
/// <param name="RateLimit">A token bucket answering 429 with Retry-After when empty.</param>
/// <param name="TokenExpiry">Bearer tokens stop working this long after first use (401).</param>
public sealed record HttpFaults(ImmutableDictionary<int, Percentage> Errors, LatencyDistribution? Latency, RateLimit? RateLimit, Duration? TokenExpiry);

/// <summary>How long responses take.</summary>
public abstract record LatencyDistribution;

/// <summary>Always the same delay.</summary>
/// <param name="Delay">The delay.</param>
public sealed record FixedLatency(Duration Delay) : LatencyDistribution;

/// <summary>Uniformly between two bounds.</summary>
/// <param name="Min">Shortest.</param>
/// <param name="Max">Longest.</param>
public sealed record UniformLatency(Duration Min, Duration Max) : LatencyDistribution;

/// <summary>Log-normal, fitted to a median and a 99th percentile: the long tail real services show.</summary>
/// <param name="P50">Median.</param>
/// <param name="P99">99th percentile.</param>
public sealed record LogNormalLatency(Duration P50, Duration P99) : LatencyDistribution;

/// <summary>A token bucket.</summary>
/// <param name="Rate">Sustained requests allowed.</param>
/// <param name="Burst">Bucket size.</param>
public sealed record RateLimit(Rate Rate, int Burst);

/// <summary>How a scripted outage looks to clients.</summary>
public enum OutageKind
{
    /// <summary>Connections are refused (nothing listens).</summary>
    Refuse,

    /// <summary>Connections are reset (TCP RST).</summary>
    Reset,

    /// <summary>Connections are accepted and never answered.</summary>
    Hang,

    /// <summary>Headers and part of the body are sent, then the connection closes.</summary>
    Cut,

    /// <summary>Every request gets the same HTTP status.</summary>
    Status,
}

/// <summary>One outage on the simulator's clock.</summary>
/// <param name="After">When it starts, from the simulator's start.</param>
/// <param name="For">How long it lasts.</param>
/// <param name="Mode">What clients see.</param>
/// <param name="StatusCode">The status, for <see cref="OutageKind.Status"/>.</param>
/// <param name="Backfill">True when records produced during the outage appear after it with their original event times.</param>
public sealed record OutageStep(Duration After, Duration For, OutageKind Mode, int? StatusCode, bool Backfill);

/// <summary>The contract violations a simulator can inject into records.</summary>
public enum ViolationKind
{
    /// <summary>A field has a value of the wrong JSON type.</summary>
    WrongType,

    /// <summary>A required field is missing.</summary>
    MissingRequired,

    /// <summary>A field the schema does not allow is present.</summary>
    ExtraField,

    /// <summary>An enum field has a value outside the enum.</summary>
    UnknownEnum,

    /// <summary>A required field is null.</summary>
    NullInRequired,

    /// <summary>A formatted string (date-time, uuid, email…) is malformed.</summary>
    BadFormat,

    /// <summary>The event time is far in the future or past.</summary>
    EventTimeSkew,
}

/// <summary>Contract violations injected into a share of records.</summary>
/// <param name="Share">Share of records that carry a violation.</param>
/// <param name="Kinds">The kinds to inject, chosen evenly.</param>
public sealed record ViolationInjection(Percentage Share, ImmutableArray<ViolationKind> Kinds);

/// <summary>Broken pagination.</summary>
/// <param name="ExpiredCursor">Share of cursors rejected as expired.</param>
/// <param name="Overlap">Share of pages that repeat records from the previous page.</param>
/// <param name="Skip">Share of pages that leave records out.</param>
public sealed record PaginationFaults(Percentage ExpiredCursor, Percentage Overlap, Percentage Skip);
