// Serves one ~12 KB JSON page from a WireMock.Net stub, and the same stub through FaultProxy
// (every request passed at once), for bench/proxy.sh to load with wrk side by side. Prints
//   direct URL
//   proxy URL
//   ready
// and runs until its standard input closes.
using System.Net;
using ContractKit.Mocks.Faults.Connections;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

var orders = Enumerable.Range(1, 50).Select(i =>
    $"{{\"id\":\"order-{i:D5}\",\"customer\":\"customer-{i % 7}\",\"status\":\"shipped\",\"amount\":{i * 13.5m},"
    + $"\"createdAt\":\"2026-03-01T10:{i % 60:D2}:00Z\",\"note\":\"{new string('x', 120)}\"}}");
var page = "{\"orders\":[" + string.Join(',', orders) + "],\"next\":null}";

// The request log bounded, as the simulator runs it.
using var server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 100 });
server.Given(Request.Create().WithPath("/orders").UsingGet())
    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(page));

await using var proxy = FaultProxy.Start(new FaultProxyOptions
{
    Backend = new IPEndPoint(IPAddress.Loopback, server.Port),
    // What the simulator's callback costs at the least: a synchronous decision.
    Decide = static (_, _) => ValueTask.FromResult(ProxyDecision.PassThrough),
});

Console.WriteLine($"direct http://127.0.0.1:{server.Port}/orders");
Console.WriteLine($"proxy {proxy.Uri}orders");
Console.WriteLine($"bytes {System.Text.Encoding.UTF8.GetByteCount(page)}");
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
