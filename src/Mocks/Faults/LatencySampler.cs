using ContractKit.Contracts.Model.Simulation;
using ContractKit.Mocks.Randomness;

namespace ContractKit.Mocks.Faults;

/// <summary>Draws response delays from a profile's distribution, deterministically from a request number.</summary>
internal static class LatencySampler
{
    // The 99th percentile of the standard normal distribution.
    private const double Z99 = 2.3263478740408408;

    public static TimeSpan Sample(LatencyDistribution distribution, ulong seed, long request) => distribution switch
    {
        FixedLatency f => f.Delay.ToTimeSpan(),
        UniformLatency u => u.Min.ToTimeSpan() + ((u.Max.ToTimeSpan() - u.Min.ToTimeSpan()) * Seeds.Unit(Seeds.Mix(seed, (ulong)request, 31))),
        LogNormalLatency l => LogNormal(l, seed, request),
        _ => TimeSpan.Zero,
    };

    // Fitted so the median is p50 and the 99th percentile is p99: the long tail real services show.
    private static TimeSpan LogNormal(LogNormalLatency latency, ulong seed, long request)
    {
        var mu = Math.Log(Math.Max(1, latency.P50.TotalMilliseconds));
        var sigma = (Math.Log(Math.Max(1, latency.P99.TotalMilliseconds)) - mu) / Z99;
        var u1 = 1 - Seeds.Unit(Seeds.Mix(seed, (ulong)request, 32));
        var u2 = Seeds.Unit(Seeds.Mix(seed, (ulong)request, 33));
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return TimeSpan.FromMilliseconds(Math.Exp(mu + (sigma * z)));
    }
}
