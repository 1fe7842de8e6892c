using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.ServiceLevels;

/// <summary>The service levels a source promises.</summary>
/// <param name="Availability">Share of successful probes over <paramref name="Window"/>.</param>
/// <param name="Window">The window availability and error rate are measured over.</param>
/// <param name="Latency">Latency percentile targets.</param>
/// <param name="ErrorRate">Largest share of failed requests.</param>
/// <param name="Support">When and how fast the source team answers.</param>
public sealed record ServiceLevelObjectives(
    Percentage? Availability,
    Duration Window,
    LatencyTargets? Latency,
    Percentage? ErrorRate,
    Support? Support)
{
    /// <summary>Default measurement window.</summary>
    public static Duration DefaultWindow { get; } = Duration.FromDays(30);
}

/// <summary>Latency percentile targets; each present one is at most the next.</summary>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
public sealed record LatencyTargets(Duration? P50, Duration? P90, Duration? P95, Duration? P99);

/// <summary>When and how fast the source team answers.</summary>
/// <param name="Hours">Support hours.</param>
/// <param name="Response">Time to first response within those hours.</param>
public sealed record Support(SupportHours? Hours, Duration? Response);
