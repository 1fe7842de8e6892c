using System.Net;

namespace ContractKit.Mocks.Faults.Connections;

/// <summary>How a <see cref="FaultProxy"/> listens, where it forwards and who decides. Checked once, by <see cref="FaultProxy.Start"/>.</summary>
public sealed record FaultProxyOptions
{
    /// <summary>The server the proxy forwards to (the simulator's WireMock.Net server), e.g. <c>new IPEndPoint(IPAddress.Loopback, port)</c>. Required.</summary>
    public EndPoint? Backend { get; init; }

    /// <summary>
    /// Called once per request, after its head is read and before anything else happens. Runs
    /// concurrently for requests on different connections. The token fires when the connection is
    /// dropped or the proxy disposed. Null forwards every request at once.
    /// </summary>
    public Func<ProxyRequest, CancellationToken, ValueTask<ProxyDecision>>? Decide { get; init; }

    /// <summary>The clock of <see cref="ProxyDecision.Pass.Delay"/>, <see cref="ProxyDecision.Respond.Delay"/> and <see cref="BackendConnectTimeout"/>: real time by default (not the simulator's virtual clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The loopback port to listen on; 0 (the default) takes a free one.</summary>
    public int Port { get; init; }

    /// <summary>Largest request or response head (request line or status line plus headers), in bytes; a larger request gets 431, a larger response 502.</summary>
    public int MaxHeadBytes { get; init; } = 16 * 1024;

    /// <summary>Time allowed to open a connection to <see cref="Backend"/> before the client gets 502.</summary>
    public TimeSpan BackendConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws one <see cref="ArgumentException"/> that lists every problem.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (Backend is null)
            problems.Add("Backend is required: the endpoint of the server to forward to");
        else if (Backend is not (IPEndPoint or DnsEndPoint))
            problems.Add($"Backend must be an IPEndPoint or a DnsEndPoint, not {Backend.GetType().Name}");
        if (TimeProvider is null)
            problems.Add("TimeProvider cannot be null");
        if (Port is < 0 or > IPEndPoint.MaxPort)
            problems.Add($"Port must be 0 (any free port) to {IPEndPoint.MaxPort}, not {Port}");
        if (MaxHeadBytes is < 1024 or > 1024 * 1024)
            problems.Add($"MaxHeadBytes must be 1024 to 1048576, not {MaxHeadBytes}");
        if (BackendConnectTimeout <= TimeSpan.Zero)
            problems.Add($"BackendConnectTimeout must be positive, not {BackendConnectTimeout}");
        if (problems.Count > 0)
            throw new ArgumentException("invalid FaultProxyOptions: " + string.Join("; ", problems));
    }
}
