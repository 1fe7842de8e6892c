namespace ContractKit.Mocks;

/// <summary>How a <see cref="SourceSimulator"/> runs.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The fault profile to start with (a name under <c>simulation.profiles</c>); null starts healthy.</summary>
    public string? Profile { get; init; }

    /// <summary>Port for HTTP sources; 0 (the default) takes a free one.</summary>
    public int Port { get; init; }

    /// <summary>Overrides <c>simulation.seed</c>.</summary>
    public long? Seed { get; init; }

    /// <summary>
    /// The simulated clock. Pass a <see cref="Clock.VirtualClock"/> to move time by hand; the default runs
    /// with real time. Response latency always runs on real time.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>How much event time exists before the start, so freshness and volume have history; null derives it from the contract.</summary>
    public TimeSpan? History { get; init; }

    /// <summary>For file sources: the folder drops are written to; null writes under the contract's files root.</summary>
    public string? DropFolder { get; init; }

    /// <summary>Requests WireMock.Net keeps in its log (it is unbounded otherwise).</summary>
    public int MaxRequestLogCount { get; init; } = 100;
}
