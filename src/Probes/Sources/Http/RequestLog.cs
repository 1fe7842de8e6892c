using System.Collections.Immutable;
using ContractKit.Probes.Observations;

namespace ContractKit.Probes.Sources.Http;

/// <summary>
/// Every request one dataset's page walk sent, retries included: each attempt's latency, whether
/// it failed, whether it was a retry. The latency and error-rate checks judge these figures, so
/// nothing a retry policy does is hidden from them. One log per walk; a walk is sequential.
/// </summary>
internal sealed class RequestLog
{
    private readonly ImmutableArray<TimeSpan>.Builder _latencies = ImmutableArray.CreateBuilder<TimeSpan>();

    /// <summary>Requests sent, retries included.</summary>
    public int Attempts => _latencies.Count;

    /// <summary>Attempts that failed: an error status, a network error, a timeout, a cut body.</summary>
    public int Failures { get; private set; }

    /// <summary>Attempts that repeated an earlier failed one.</summary>
    public int Retries { get; private set; }

    /// <summary>Counts one attempt.</summary>
    /// <param name="latency">From sending the request to the end of its body (or the failure).</param>
    /// <param name="failed">True when the attempt failed.</param>
    /// <param name="retry">True when it repeated a failed attempt.</param>
    public void Add(TimeSpan latency, bool failed, bool retry)
    {
        _latencies.Add(latency);
        Failures += failed ? 1 : 0;
        Retries += retry ? 1 : 0;
    }

    /// <summary>The figures, with the pages the walk read.</summary>
    public RequestStatistics ToStatistics(int pages) => new(_latencies.ToImmutable(), Attempts, Failures, Retries, pages);
}
