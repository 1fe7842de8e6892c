using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ContractKit.Cli.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractKit.Cli.Tests.Commands;

/// <summary>
/// <c>contractkit probe</c> against an HTTP source stubbed on loopback. The CLI resolves
/// <c>${env:…}</c> from the real environment, so these tests set variables and restore them, one
/// test at a time.
/// </summary>
[NonParallelizable]
public class ProbeHttpCommandTests
{
    private const string Token = "cli-tok-3c9e1f-SECRET";
    private const string Password = "cli-pw-77aa-SECRET";
    private static readonly string[] Variables = ["CK_PROBE_HTTP_URL", "CK_PROBE_HTTP_TOKEN", "CK_PROBE_HTTP_PASSWORD"];
    private readonly Dictionary<string, string?> _saved = [];
    private WireMockServer _server = null!;
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        _server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 100 });
        _folder = new TempFolder();
        Environment.SetEnvironmentVariable("CK_PROBE_HTTP_URL", _server.Url);
        Environment.SetEnvironmentVariable("CK_PROBE_HTTP_TOKEN", Token);
        Environment.SetEnvironmentVariable("CK_PROBE_HTTP_PASSWORD", Password);
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _server.Stop();
        _server.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task A_healthy_source_exits_0_with_a_json_report_and_valid_junit()
    {
        var created = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        _server.Given(Request.Create().WithPath("/v1/orders").UsingGet()).RespondWith(Response.Create().WithBody(
            $$"""{"data":[{"order_id":"a-1","created_at":"{{created}}","amount":3}]}""").WithHeader("Content-Type", "application/json"));
        var contract = Contract("""auth: { bearer: "${env:CK_PROBE_HTTP_TOKEN}" }""");

        var json = await CliRunner.RunAsync("probe", contract, "--format", "json");
        var junit = await CliRunner.RunAsync("probe", contract, "--format", "junit");

        Assert.That(json.ExitCode, Is.Zero, json.Out + json.Err);
        using var document = JsonDocument.Parse(json.Out);
        var results = document.RootElement.GetProperty("contracts")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => r.GetProperty("check").GetString()), Is.SupersetOf(new[] { "schema", "freshness", "latency", "errorRate" }));
        Assert.That(results.Select(r => r.GetProperty("status").GetString()), Has.All.EqualTo("pass"));
        Assert.That(junit.ExitCode, Is.Zero);
        var suite = XDocument.Parse(junit.Out).Root!.Element("testsuite")!;
        Assert.That(suite.Attribute("failures")!.Value, Is.EqualTo("0"));
        Assert.That(suite.Elements("testcase").Count(), Is.EqualTo(results.Count));
        Assert.That(_server.LogEntries.Select(e => e.RequestMessage!.Headers!["Authorization"].Single()), Has.All.EqualTo($"Bearer {Token}"));
        AssertNoSecret(json, junit);
    }

    [Test]
    public async Task Credentials_a_source_echoes_appear_in_no_output_format()
    {
        _server.Given(Request.Create().WithPath("/v1/orders").UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/plain").WithBody("you sent {{request.headers.Authorization}}").WithTransformer());

        foreach (var auth in new[]
        {
            """auth: { bearer: "${env:CK_PROBE_HTTP_TOKEN}" }""",
            """auth: { basic: { username: probe, password: "${env:CK_PROBE_HTTP_PASSWORD}" } }""",
        })
        {
            var contract = Contract(auth);
            var json = await CliRunner.RunAsync("probe", contract, "--format", "json");
            var junit = await CliRunner.RunAsync("probe", contract, "--format", "junit");
            var text = await CliRunner.RunAsync("probe", contract);

            Assert.That(json.ExitCode, Is.EqualTo(1), json.Out + json.Err);
            Assert.That(json.Out, Does.Contain("you sent Bearer ***").Or.Contain("you sent Basic ***"), "the body was echoed and masked");
            Assert.That(XDocument.Parse(junit.Out).Descendants("failure").Count(), Is.GreaterThan(0));
            AssertNoSecret(json, junit, text);
        }
    }

    [Test]
    public async Task A_refused_connection_exits_2_and_names_no_secret()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Environment.SetEnvironmentVariable("CK_PROBE_HTTP_URL", $"http://127.0.0.1:{port}");
        var contract = Contract("""auth: { basic: { username: probe, password: "${env:CK_PROBE_HTTP_PASSWORD}" } }""");

        var json = await CliRunner.RunAsync("probe", contract, "--format", "json");
        var junit = await CliRunner.RunAsync("probe", contract, "--format", "junit");

        Assert.That(json.ExitCode, Is.EqualTo(2));
        Assert.That(junit.ExitCode, Is.EqualTo(2));
        Assert.That(json.Out, Does.Contain("the connection failed"));
        Assert.That(XDocument.Parse(junit.Out).Descendants("error").Count(), Is.GreaterThan(0));
        AssertNoSecret(json, junit);
        Assert.That(json.Out + junit.Out, Does.Not.Contain($"127.0.0.1:{port}"), "the base URL came from a reference");
    }

    private string Contract(string auth) => _folder.Write("orders.yaml", $$"""
        apiVersion: contractkit/v1
        id: orders-api
        version: 1.0.0
        status: active
        title: Orders API
        owner: { team: commerce }
        source:
          kind: http
          baseUrl: ${env:CK_PROBE_HTTP_URL}
          {{auth}}
          timeout: 2s
        datasets:
          - name: orders
            http: { path: /v1/orders, records: $.data }
            schema:
              type: object
              required: [order_id, created_at, amount]
              properties:
                order_id: { type: string }
                created_at: { type: string, format: date-time }
                amount: { type: number }
            key: [order_id]
            eventTime: created_at
            freshness: { warn: 15m, fail: 1h }
        sla: { latency: { p95: 2s }, errorRate: 50% }
        """);

    private static void AssertNoSecret(params CliResult[] results)
    {
        var everything = string.Concat(results.Select(r => r.Out + r.Err));
        foreach (var secret in new[] { Token, Password, Convert.ToBase64String(Encoding.UTF8.GetBytes($"probe:{Password}")) })
        {
            Assert.That(everything, Does.Not.Contain(secret));
        }
    }
}
