using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using ContractKit.Cli.Tests.Support;

namespace ContractKit.Cli.Tests.Commands;

/// <summary>contractkit probe against file drops written per test (the HTTP and PostgreSQL sources have tests of their own).</summary>
public class ProbeCommandTests
{
    private static string Contract(string minimum) => $$"""
        apiVersion: contractkit/v1
        id: click-drop
        version: 1.0.0
        status: active
        title: Click drop
        owner: { team: web }
        source: { kind: files }
        datasets:
          - name: clicks
            files: { path: "drops/*.jsonl", format: jsonl }
            schema:
              type: object
              required: [event_id, occurred_at]
              properties:
                event_id: { type: string }
                occurred_at: { type: string, format: date-time }
            key: [event_id]
            eventTime: occurred_at
            freshness: { warn: 15m, fail: 1h }
            volume: { per: 1h, min: {{minimum}} }
        """;

    private static string Record(string id, int minutesAgo) =>
        $"{{\"event_id\":\"{id}\",\"occurred_at\":\"{DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"}}";

    private static TempFolder Drop(string minimum = "1")
    {
        var folder = new TempFolder();
        folder.Write("clicks.yaml", Contract(minimum));
        folder.Write("drops/a.jsonl", Record("1", 2) + "\n" + Record("2", 3) + "\n");
        return folder;
    }

    [Test]
    public async Task Passing_checks_print_a_table_and_exit_0()
    {
        using var folder = Drop();

        var result = await CliRunner.RunAsync("probe", folder.Path);

        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("click-drop 1.0.0 — Click drop (files)"));
        Assert.That(result.Out, Does.Match(@"│ clicks\s+│ freshness\s+│ pass\s+│ newest record 2m \d+s old\s+│ warn at 15m, fail at 1h"));
        Assert.That(result.Out, Does.Match(@"│ clicks\s+│ eventTime\s+│ pass\s+│ 0 in the future, 0 over a year old, of 2\s+│"));
        Assert.That(result.Out, Does.Contain("all promises hold (4 checks: 4 pass, 0 warn, 0 fail, 0 error)"));
    }

    [Test]
    public async Task Only_the_newest_version_of_a_contract_is_probed_and_the_others_are_named()
    {
        using var folder = Drop();
        var older = Contract("1000").Replace("version: 1.0.0", "version: 0.9.0", StringComparison.Ordinal);
        folder.Write("history/click-drop/0.9.0.yaml", older);

        var result = await CliRunner.RunAsync("probe", folder.Path);

        Assert.That(result.ExitCode, Is.Zero, "0.9.0 would fail (no drops beside it, a minimum of 1000): " + result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("click-drop 1.0.0 — Click drop (files)"));
        Assert.That(result.Out, Does.Not.Contain("click-drop 0.9.0"));
        Assert.That(result.Err, Does.Contain("note: click-drop 1.0.0 (").And.Contain("is probed; not its other versions: 0.9.0 (").And.Contain("0.9.0.yaml)"));
    }

    [Test]
    public async Task A_broken_promise_exits_1_and_says_why()
    {
        using var folder = Drop(minimum: "100");

        var result = await CliRunner.RunAsync("probe", folder.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain("FAIL clicks/volume: 2 records in the last 1h, below the minimum"));
    }

    [Test]
    public async Task A_check_that_cannot_be_made_exits_2()
    {
        using var folder = Drop();
        Directory.Delete(Path.Combine(folder.Path, "drops"), recursive: true);
        File.WriteAllText(Path.Combine(folder.Path, "clicks.yaml"), Contract("1").Replace("source: { kind: files }", "source: { kind: files, root: missing }", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("probe", folder.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Out, Does.Contain("ERROR clicks/freshness").And.Contain("does not exist"));
    }

    [Test]
    public async Task Json_carries_results_with_clock_and_values()
    {
        using var folder = Drop();

        var result = await CliRunner.RunAsync("probe", folder.Path, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var contract = json.RootElement.GetProperty("contracts")[0];
        Assert.That(contract.GetProperty("id").GetString(), Is.EqualTo("click-drop"));
        var freshness = contract.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("check").GetString() == "freshness");
        Assert.That(freshness.GetProperty("unit").GetString(), Is.EqualTo("s"));
        Assert.That(freshness.GetProperty("value").GetDouble(), Is.InRange(110, 300));
        Assert.That(freshness.GetProperty("clock").GetProperty("source").GetString(), Is.EqualTo("local"));
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("pass").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task Junit_has_a_case_per_check_and_marks_failures()
    {
        using var folder = Drop(minimum: "100");
        var report = Path.Combine(folder.Path, "probe.xml");

        var result = await CliRunner.RunAsync("probe", folder.Path, "--format", "junit", "--out", report);

        var suite = XDocument.Load(report).Root!.Element("testsuite")!;
        Assert.That((suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value, suite.Attribute("errors")!.Value), Is.EqualTo(("4", "1", "0")));
        var volume = suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "volume");
        Assert.That(volume.Attribute("classname")!.Value, Is.EqualTo("click-drop.clicks"));
        Assert.That(volume.Element("failure")!.Attribute("message")!.Value, Does.Contain("below the minimum"));
        Assert.That(result.Out, Does.Contain("some promises are broken"), "the table still goes to the console");
    }

    [Test]
    public async Task Filters_narrow_the_run_and_unknown_names_are_usage_errors()
    {
        using var folder = Drop();

        var onlyFreshness = await CliRunner.RunAsync("probe", folder.Path, "--check", "freshness", "--format", "json");
        var unknownContract = await CliRunner.RunAsync("probe", folder.Path, "--contract", "orders");
        var unknownDataset = await CliRunner.RunAsync("probe", folder.Path, "--dataset", "views");

        using var json = JsonDocument.Parse(onlyFreshness.Out);
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("checks").GetInt32(), Is.EqualTo(1));
        Assert.That((unknownContract.ExitCode, unknownDataset.ExitCode), Is.EqualTo((2, 2)));
        Assert.That(unknownContract.Err, Does.Contain("no contract with id orders; found: click-drop"));
        Assert.That(unknownDataset.Err, Does.Contain("no dataset views"));
    }

    [Test]
    public async Task Telemetry_can_be_printed_to_the_console()
    {
        using var folder = Drop();

        var result = await CliRunner.RunProcessAsync(folder.Path, "probe", ".", "--otel", "console");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.Contain("probe click-drop"));
        Assert.That(result.Out, Does.Contain("contractkit.probe.freshness.age"));
    }
}
