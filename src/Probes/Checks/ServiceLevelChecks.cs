using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>Latency percentiles of the probe's own requests against <c>sla.latency</c>.</summary>
internal sealed class LatencyCheck : IProbeCheck
{
    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Contract.Sla?.Latency is not { } targets || context.Observation.Requests is not { } observed)
        {
            yield break;
        }

        var promised = new[] { ("p50", targets.P50, 0.50), ("p90", targets.P90, 0.90), ("p95", targets.P95, 0.95), ("p99", targets.P99, 0.99) }
            .Where(t => t.Item2 is not null).ToList();
        var expected = string.Join(", ", promised.Select(p => $"{p.Item1} ≤ {p.Item2}"));
        if (!observed.Succeeded)
        {
            yield return Result.Error(context, "latency", expected, observed);
            yield break;
        }

        var latencies = observed.Value!.Latencies.Order().ToList();
        if (latencies.Count == 0)
        {
            yield break;
        }

        var measured = promised.Select(p => (p.Item1, Target: p.Item2!.Value.ToTimeSpan(), Actual: Percentile(latencies, p.Item3))).ToList();
        var broken = measured.Where(m => m.Actual > m.Target).ToList();
        yield return new CheckResult
        {
            CheckId = "latency",
            Dataset = context.Dataset.Name,
            Status = broken.Count > 0 ? CheckStatus.Fail : CheckStatus.Pass,
            Measured = string.Join(", ", measured.Select(m => $"{m.Item1} {m.Actual.TotalMilliseconds:F0}ms")) + $" over {latencies.Count} requests",
            Expected = expected,
            Value = measured[^1].Actual.TotalSeconds,
            Unit = "s",
            Message = broken.Count > 0 ? string.Join("; ", broken.Select(b => $"{b.Item1} is {b.Actual.TotalMilliseconds:F0}ms, above {b.Target.TotalMilliseconds:F0}ms")) : null,
            Duration = observed.Duration,
        };
    }

    // Nearest-rank percentile: with few requests it names an observed latency, never an interpolation.
    internal static TimeSpan Percentile(List<TimeSpan> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Share of the probe's own requests that failed, against <c>sla.errorRate</c>. Retries count as requests.</summary>
internal sealed class ErrorRateCheck : IProbeCheck
{
    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Contract.Sla?.ErrorRate is not { } limit || context.Observation.Requests is not { } observed)
        {
            yield break;
        }

        var expected = $"at most {limit} of requests fail";
        if (!observed.Succeeded)
        {
            yield return Result.Error(context, "errorRate", expected, observed);
            yield break;
        }

        var requests = observed.Value!;
        if (requests.Attempts == 0)
        {
            yield break;
        }

        var rate = requests.Failures * 100m / requests.Attempts;
        yield return new CheckResult
        {
            CheckId = "errorRate",
            Dataset = context.Dataset.Name,
            Status = rate > limit.Percent ? CheckStatus.Fail : CheckStatus.Pass,
            Measured = $"{requests.Failures} of {requests.Attempts} requests failed ({rate:0.#}%), {requests.Retries} retr{(requests.Retries == 1 ? "y" : "ies")}",
            Expected = expected,
            Value = (double)rate,
            Unit = "%",
            Message = requests.Retries > 0 ? $"{requests.Retries} request{(requests.Retries == 1 ? " was" : "s were")} retried; every attempt counts" : null,
            Duration = observed.Duration,
        };
    }
}
