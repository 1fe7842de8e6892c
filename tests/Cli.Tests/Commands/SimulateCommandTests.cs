using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContractKit.Cli.Tests.Support;

namespace ContractKit.Cli.Tests.Commands;

/// <summary><c>contractkit simulate</c> serving until cancelled, and <c>contractkit demo</c> as a user runs it.</summary>
public class SimulateCommandTests
{
    private static string Example(string name) => TestRepository.Example(name);

    [Test]
    public async Task Simulate_serves_the_contract_until_cancelled_and_writes_the_ledger()
    {
        using var folder = new TempFolder();
        var ledger = Path.Combine(folder.Path, "ledger.ndjson");
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var run = CliApp.RunAsync(["simulate", Example("orders.yaml"), "--ledger", ledger, "--seed", "7"], synchronized, TextWriter.Synchronized(new StringWriter()), stop.Token);

        var banner = await WaitForAsync(synchronized, output, "profiles:");
        Assert.That(banner, Does.Contain("simulating orders-service 2.1.0 (http), profile healthy, seed 7, speed 1x"));
        var url = banner.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("orders: ", StringComparison.Ordinal))["orders: ".Length..];
        var token = banner.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("export ", StringComparison.Ordinal)).Split(' ').Single(p => p.StartsWith("ORDERS_API_TOKEN=", StringComparison.Ordinal)).Split('=', 2)[1];

        using var client = new HttpClient();
        using var anonymous = await client.GetAsync(url);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var page = JsonDocument.Parse(await client.GetStringAsync(url));

        await stop.CancelAsync();
        var code = await run;

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the contract asks for a bearer token");
        Assert.That(page.RootElement.GetProperty("data").GetArrayLength(), Is.EqualTo(50));
        Assert.That(code, Is.Zero, "Ctrl-C is how a simulation ends");
        var lines = await File.ReadAllLinesAsync(ledger);
        Assert.That(lines.Count(l => l.Contains("\"type\":\"record\"", StringComparison.Ordinal)), Is.GreaterThan(50));
        var records = lines.Count(l => l.Contains("\"type\":\"record\"", StringComparison.Ordinal));
        Assert.That(Read(synchronized, output), Does.Contain($"ledger: {records} records"));
        Assert.That(Read(synchronized, output), Does.Contain($"stopped: {records:N0} records generated, 0 with an injected violation, 0 lost in outages, 0 faults injected into requests"),
            "the healthy profile injects nothing");
    }

    [Test]
    public async Task An_unknown_profile_exits_2_naming_the_ones_there_are()
    {
        var result = await CliRunner.RunAsync("simulate", Example("orders.yaml"), "--profile", "nope");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Is.EqualTo("contractkit: orders-service has no simulation profile 'nope'; it has: drift, flaky, outage" + Environment.NewLine));
    }

    [TestCase("fast")]
    [TestCase("0x")]
    [TestCase("-2x")]
    public async Task A_speed_that_is_not_a_positive_factor_exits_2(string speed)
    {
        var result = await CliRunner.RunAsync("simulate", Example("orders.yaml"), "--speed", speed);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"'{speed}' is not a speed: write a positive factor such as 1x, 60x or 0.5x"));
        Assert.That(result.Err, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_ledger_path_in_a_missing_folder_exits_2_before_serving()
    {
        using var folder = new TempFolder();
        var ledger = Path.Combine(folder.Path, "no-such-folder", "ledger.ndjson");

        var result = await CliRunner.RunAsync("simulate", Example("orders.yaml"), "--ledger", ledger);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"--ledger {ledger}: the folder {Path.GetDirectoryName(ledger)} does not exist"));
        Assert.That(result.Out, Does.Not.Contain("simulating"));
    }

    [Test]
    public async Task A_contract_that_does_not_load_exits_2_with_its_diagnostics()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.yaml", File.ReadAllText(Example("orders.yaml")).Replace("  rate: 200/h", "  rate: lots", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("simulate", path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"the contract {path} does not load"));
        Assert.That(result.Err, Does.Contain($"{path}:"));
    }

    [Test]
    public async Task The_demo_runs_as_a_process_and_shows_what_the_probes_caught()
    {
        var result = await CliRunner.RunProcessAsync(CliRunner.RepositoryRoot, "demo");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Err, Is.Empty);
        Assert.That(result.Out, Does.Contain("━━ what the probes caught ━━"));
        Assert.That(result.Out, Does.Contain("profile 'drift': orders/schema fail"));
        Assert.That(result.Out, Does.Contain("profile 'outage', ten minutes in: orders/schema error"));
        Assert.That(result.Out, Does.Contain("seven hours later:").And.Contain("clicks/freshness fail"));
    }

    private static string Read(TextWriter synchronized, StringWriter output)
    {
        // TextWriter.Synchronized locks on the wrapper; reading under the same lock sees whole lines.
        lock (synchronized)
        {
            return output.ToString();
        }
    }

    private static async Task<string> WaitForAsync(TextWriter synchronized, StringWriter output, string text)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (Read(synchronized, output) is var current && current.Contains(text, StringComparison.Ordinal))
            {
                return current;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"simulate printed no '{text}' in 30s:\n{Read(synchronized, output)}");
        return "";
    }
}
