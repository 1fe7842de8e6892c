using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Secrets;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Results;
using ContractKit.Probes.Sources.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>
/// A stubbed orders API on loopback (WireMock.Net) and the contract that describes it: the base
/// URL and credentials are <c>${env:…}</c> references, resolved from <see cref="Environment"/>.
/// </summary>
internal sealed class HttpApi : IDisposable
{
    public const string OrdersPath = "/v1/orders";
    public const string Token = "tok-5f1d8c2e-SECRET";
    public const string Password = "pw-9a4b-SECRET";

    public HttpApi() => Server = WireMockServer.Start(new WireMockServerSettings
    {
        MaxRequestLogCount = 500,

        // Kestrel writes its own Date header over a stub's; set the source's clock just before the headers go.
        PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (HttpContext http, Func<Task> next) =>
        {
            http.Response.OnStarting(() =>
            {
                if (Date is { } date)
                {
                    http.Response.Headers.Date = date.ToString("r", CultureInfo.InvariantCulture);
                }

                return Task.CompletedTask;
            });
            await next();
        }),
    });

    /// <summary>The Date header every response carries; null leaves Kestrel's (the real time).</summary>
    public DateTimeOffset? Date { get; set; }

    public WireMockServer Server { get; }

    /// <summary>What <c>${env:NAME}</c> resolves to in the contract.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Url => Server.Url!;

    public static IRequestBuilder Orders => Request.Create().WithPath(OrdersPath).UsingGet();

    public void Dispose() => Server.Dispose();

    /// <summary>Serves one page for every request to the orders path.</summary>
    public void Serve(object body, int status = 200) =>
        Server.Given(Orders).RespondWith(Response.Create().WithStatusCode(status).WithBodyAsJson(body));

    /// <summary>A contract for the stub; <paramref name="http"/> goes into the orders dataset's http block (pagination), <paramref name="sla"/> at the end.</summary>
    public string Contract(string http = "", string auth = """auth: { bearer: "${env:API_TOKEN}" }""", string sla = "", string timeout = "2s")
    {
        Environment.TryAdd("API_URL", Url);
        Environment.TryAdd("API_TOKEN", Token);
        Environment.TryAdd("API_PASSWORD", Password);
        return $$"""
            apiVersion: contractkit/v1
            id: orders-api
            version: 1.0.0
            status: active
            title: Orders API
            owner: { team: commerce }
            source:
              kind: http
              baseUrl: ${env:API_URL}
              {{auth}}
              timeout: {{timeout}}
            datasets:
              - name: orders
                http:
                  path: {{OrdersPath}}
                  records: $.data
                  {{http}}
                schema:
                  type: object
                  required: [order_id, created_at, amount]
                  additionalProperties: false
                  properties:
                    order_id: { type: string }
                    created_at: { type: string, format: date-time }
                    amount: { type: [number, "null"], minimum: 0 }
                    customer_email: { type: [string, "null"], x-pii: true }
                key: [order_id]
                eventTime: created_at
                freshness: { warn: 15m, fail: 1h }
                volume: { per: 1h, min: 1 }
                quality:
                  - { check: nullRate, field: amount, max: 0% }
                  - { check: duplicates, fields: [order_id], max: 0 }
            {{sla}}
            """;
    }

    public static async Task<Contract> LoadAsync(string yaml)
    {
        var loaded = await ContractLoader.LoadTextAsync(yaml, "orders.yaml", Path.Combine(Path.GetTempPath(), "orders.yaml"));
        Assert.That(loaded.Contract, Is.Not.Null, string.Join("\n", loaded.Diagnostics));
        return loaded.Contract!;
    }

    public ISecretResolver Secrets => new EnvironmentSecretResolver(Path.GetTempPath(), name => Environment.GetValueOrDefault(name));

    /// <summary>Probes the contract end to end with <see cref="ProbeRunner"/>.</summary>
    public async Task<ProbeReport> ProbeAsync(string yaml, ProbeOptions? options = null) =>
        await new ProbeRunner(options ?? Fast, Secrets).RunAsync(await LoadAsync(yaml));

    /// <summary>The source's observation of the orders dataset, for what a report does not show (notes, request counts).</summary>
    public async Task<DatasetObservation> ObserveAsync(string yaml, ProbeOptions? options = null)
    {
        var contract = await LoadAsync(yaml);
        var context = new ProbeContext(options ?? Fast, Secrets);
        await using var session = await new HttpSourceProbe().OpenAsync(contract, context, CancellationToken.None);
        return await session.ObserveAsync(contract.Datasets[0], CancellationToken.None);
    }

    /// <summary>Two retries, as by default.</summary>
    public static ProbeOptions Fast { get; } = new() { HttpRetries = 2 };

    /// <summary>The requests the stub received.</summary>
    public List<WireMock.IRequestMessage> Received => [.. Server.LogEntries.Select(e => e.RequestMessage!)];

    /// <summary>A query parameter of a received request (values joined with commas), or null.</summary>
    public static string? Param(WireMock.IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    /// <summary>An order record; <paramref name="id"/> names it.</summary>
    public static Dictionary<string, object?> Order(int id, DateTimeOffset created, object? amount = null) => new()
    {
        ["order_id"] = $"order-{id:D4}",
        ["created_at"] = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["amount"] = amount ?? 12.5m,
        ["customer_email"] = $"customer{id}@example.com",
    };

    /// <summary>A page body: <c>{"data": [...], "next": …}</c>.</summary>
    public static object Page(IEnumerable<object> records, string? next = null) => new Dictionary<string, object?> { ["data"] = records.ToArray(), ["next"] = next };

    /// <summary>Orders created <paramref name="age"/> ago.</summary>
    public static object[] Recent(int count, TimeSpan age, int firstId = 1) =>
        [.. Enumerable.Range(firstId, count).Select(i => Order(i, DateTimeOffset.UtcNow - age))];

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static CheckResult Result(ProbeReport report, string checkId) =>
        report.Results.Single(r => r.CheckId == checkId);

    public static string ToJson(object value) => JsonSerializer.Serialize(value);
}
