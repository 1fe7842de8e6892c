using System.Collections.Concurrent;
using ContractKit.Mocks.Faults.Connections;

namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>A <see cref="FaultProxy"/> in front of a <see cref="Backend"/>, recording every request it decided on.</summary>
internal sealed class ProxyHarness : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    public ProxyHarness(Backend backend, Func<ProxyRequest, ProxyDecision>? decide = null, TimeProvider? time = null)
    {
        Decide = decide ?? (_ => ProxyDecision.PassThrough);
        Proxy = FaultProxy.Start(new FaultProxyOptions
        {
            Backend = backend.EndPoint,
            TimeProvider = time ?? TimeProvider.System,
            Decide = (request, _) =>
            {
                Requests.Enqueue(request);
                return ValueTask.FromResult(Decide(request));
            },
        });
    }

    public FaultProxy Proxy { get; }

    /// <summary>Decides each request; tests may swap it between requests.</summary>
    public Func<ProxyRequest, ProxyDecision> Decide { get; set; }

    public ConcurrentQueue<ProxyRequest> Requests { get; } = new();

    /// <summary>A client with its own connection pool, as an ingestion service would have.</summary>
    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = Proxy.Uri,
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        };
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await Proxy.DisposeAsync();
    }
}
