namespace ContractKit.Probes;

/// <summary>How a probe run behaves. Immutable; the defaults suit a one-off run.</summary>
public sealed record ProbeOptions
{
    /// <summary>The defaults.</summary>
    public static ProbeOptions Default { get; } = new();

    /// <summary>The probing machine's clock; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Datasets probed at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// Time limit of each measurement (a query, a page walk). Null takes the contract's
    /// <c>probe.timeout</c>, else 30 s.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The time limit in force (set by the runner from <see cref="Timeout"/> and the contract).</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most offending records kept as evidence per check.</summary>
    public int EvidenceLimit { get; init; } = 5;

    /// <summary>Probe only these datasets (all when empty).</summary>
    public IReadOnlySet<string> Datasets { get; init; } = new HashSet<string>();

    /// <summary>Report only checks whose id is one of these or starts with one of these and ':' (all when empty).</summary>
    public IReadOnlySet<string> Checks { get; init; } = new HashSet<string>();

    /// <summary>Retries of a failed HTTP request (each counted and reported).</summary>
    public int HttpRetries { get; init; } = 2;

    /// <summary>Handler for HTTP sources; null uses a fresh <see cref="SocketsHttpHandler"/>. Tests never need it: they serve real HTTP on loopback.</summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }
}
