using System.Net;
using ContractKit.Mocks.Faults.Connections;
using ContractKit.Mocks.Faults.InProcess;
using ContractKit.Mocks.Tests.Faults.Connections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractKit.Mocks.Tests.Faults.InProcess;

/// <summary>A WireMock.Net server with <see cref="InProcessFaults"/> wired in as the simulator wires them, serving <see cref="Backend.Page"/>.</summary>
internal sealed class InProcessHarness : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public InProcessHarness(Func<HttpContext, ProxyDecision>? decide = null, TimeProvider? time = null)
    {
        Decide = decide ?? (_ => ProxyDecision.PassThrough);
        Faults = new InProcessFaults(http => Decide(http), time ?? TimeProvider.System);
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            MaxRequestLogCount = 20,
            AdditionalServiceRegistration = Faults.Register,
            PreWireMockMiddlewareInit = app => Faults.Use((IApplicationBuilder)app),
        });
        Server.Given(Request.Create().WithPath(Backend.PagePath).UsingMethod("GET", "HEAD"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Backend.Page));
        Server.Given(Request.Create().WithPath("/tiny").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("tiny"));
    }

    public InProcessFaults Faults { get; }

    public WireMockServer Server { get; }

    /// <summary>Decides each request; tests may swap it between requests.</summary>
    public Func<HttpContext, ProxyDecision> Decide { get; set; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Server.Port);

    public Uri Uri => new($"http://127.0.0.1:{Server.Port}/");

    /// <summary>A client with its own connection pool, as an ingestion service would have.</summary>
    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = Uri,
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        };
        _clients.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Faults.Stop();
        Server.Stop();
        Server.Dispose();
    }
}
