// Serves the first page of the simulated orders API (contracts/orders.yaml, healthy, 50 records)
// three ways, for bench/simulate.sh to load with wrk side by side:
//   simulator  the SourceSimulator: fault proxy, auth check, WireMock.Net callback, page rendered per request
//   stub       a plain WireMock.Net stub answering the same bytes (what a hand-written mock costs)
//   kestrel    a bare ASP.NET Core endpoint writing the same pre-serialized bytes (the floor)
// Prints "NAME URL" lines, "bytes N" and "ready", and runs until its standard input closes.
using System.Net.Http.Headers;
using ContractKit.Contracts.Loading;
using ContractKit.Mocks;
using ContractKit.Mocks.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

var loaded = await ContractLoader.LoadFileAsync(args[0]);
var contract = loaded.Contract ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));

// A virtual clock that nobody moves: the feed holds still, so every request gets the same page.
await using var simulator = SourceSimulator.Start(contract, new SimulatorOptions { Clock = new VirtualClock(DateTimeOffset.UtcNow) });
var url = simulator.UrlOf("orders");
using var client = new HttpClient { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", SourceSimulator.Token) } };
var page = await client.GetByteArrayAsync(url);

// The request log bounded, as the simulator runs it.
using var stub = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 100 });
stub.Given(Request.Create().WithPath(url.AbsolutePath).UsingGet())
    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(page));

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
await using var kestrel = builder.Build();
kestrel.MapGet(url.AbsolutePath, async (HttpContext http) =>
{
    http.Response.ContentType = "application/json";
    http.Response.ContentLength = page.Length;
    await http.Response.Body.WriteAsync(page);
});
await kestrel.StartAsync();

Console.WriteLine($"simulator {url}");
Console.WriteLine($"stub http://127.0.0.1:{stub.Port}{url.AbsolutePath}");
Console.WriteLine($"kestrel {kestrel.Urls.First()}{url.AbsolutePath}");
Console.WriteLine($"bytes {page.Length}");
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
await kestrel.StopAsync();
