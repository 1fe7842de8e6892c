using System.Diagnostics;
using System.Text.Json;
using ContractKit.Cli.Tests.Support;

namespace ContractKit.Cli.Tests.Commands;

public class DiffCommandTests
{
    private static string Contracts => Path.Combine(CliRunner.RepositoryRoot, "contracts");

    private static string History(string version) => Path.Combine(Contracts, "history", "orders-service", version + ".yaml");

    /// <summary>The text of an example file under contracts/, e.g. <c>Example("schemas", "click-event.schema.json")</c>.</summary>
    private static string Example(params string[] path) => File.ReadAllText(Path.Combine([Contracts, .. path]));

    private static string Orders => Example("orders.yaml");

    private static void NoStackTrace(CliResult result) =>
        Assert.That(result.Out + result.Err, Does.Not.Contain("   at ").And.Not.Contain("Exception"));

    [Test]
    public async Task The_major_of_the_example_shows_its_breaking_changes_and_exits_1()
    {
        var result = await CliRunner.RunAsync("diff", History("1.4.0"), History("2.0.0"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Err);
        foreach (var rule in new[] { "enum-value-added", "type-extended", "required-property-added-closed-model", "freshness-loosened", "latency-loosened" })
        {
            Assert.That(result.Out, Does.Match($@"breaking\s+{rule}"));
        }

        Assert.That(result.Out, Does.Match(@"compatible\s+owner-changed"));
        Assert.That(result.Out, Does.Contain("FAIL breaks-compatibility: 5 changes against 1.4.0 break the declared forward compatibility"));
        Assert.That(result.Out, Does.Contain("the changes need a major version; 1.4.0 → 2.0.0 is a major bump"));
        Assert.That(result.Out, Does.Contain("2.0.0.yaml:34:19"), "the added property is pointed at where it is written");
    }

    [Test]
    public async Task The_minor_of_the_example_passes()
    {
        var result = await CliRunner.RunAsync("diff", History("2.0.0"), Path.Combine(Contracts, "orders.yaml"));

        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("the changes need a minor version; 2.0.0 → 2.1.0 is a minor bump"));
        Assert.That(result.Out, Does.Contain("PASS"));
        Assert.That(result.Out, Does.Not.Match(@"(?m)^\s+breaking\s"));
    }

    [Test]
    public async Task A_folder_of_versions_compares_the_newest_with_the_one_before()
    {
        var result = await CliRunner.RunAsync("diff", Path.Combine(Contracts, "history", "orders-service"));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("orders-service 1.4.0 → 2.0.0"));
    }

    [Test]
    public async Task Transitive_modes_check_every_version_in_the_folder()
    {
        using var folder = new TempFolder();
        var transitive = Orders.Replace("compatibility: forward", "compatibility: forward_transitive", StringComparison.Ordinal);
        folder.Write("1.0.0.yaml", transitive.Replace("version: 2.1.0", "version: 1.0.0", StringComparison.Ordinal).Replace("p95: 800ms", "p95: 500ms", StringComparison.Ordinal));
        folder.Write("1.1.0.yaml", transitive.Replace("version: 2.1.0", "version: 1.1.0", StringComparison.Ordinal).Replace("compatibility: forward_transitive", "compatibility: backward", StringComparison.Ordinal));
        folder.Write("1.2.0.yaml", transitive.Replace("version: 2.1.0", "version: 1.2.0", StringComparison.Ordinal).Replace("every: 5m", "every: 10m", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("diff", folder.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("against 1.0.0 breaks the declared forward_transitive compatibility: latency-loosened"));
        Assert.That(result.Out, Does.Contain("checked against 2 earlier versions"));
    }

    [Test]
    public async Task Json_carries_rule_path_values_effects_positions_and_the_verdict()
    {
        var result = await CliRunner.RunAsync("diff", "--format", "json", History("1.4.0"), History("2.0.0"));

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("summary").GetProperty("exitCode").GetInt32(), Is.EqualTo(1).And.EqualTo(result.ExitCode));
        var contract = root.GetProperty("contracts")[0];
        Assert.That((contract.GetProperty("requiredBump").GetString(), contract.GetProperty("actualBump").GetString(), contract.GetProperty("passed").GetBoolean()),
            Is.EqualTo(("major", "major", false)));
        var enumChange = contract.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "enum-value-added");
        Assert.That(enumChange.GetProperty("dataset").GetString(), Is.EqualTo("orders"));
        Assert.That(enumChange.GetProperty("field").GetString(), Is.EqualTo("status"));
        Assert.That(enumChange.GetProperty("pointer").GetString(), Is.EqualTo("/properties/status/enum"));
        Assert.That(enumChange.GetProperty("new").GetString(), Is.EqualTo("\"cancelled\""));
        Assert.That(enumChange.GetProperty("effects").GetProperty("forward").GetString(), Is.EqualTo("breaking"));
        Assert.That(enumChange.GetProperty("effects").GetProperty("backward").GetString(), Is.EqualTo("compatible"));
        Assert.That(enumChange.GetProperty("newPosition").GetProperty("line").GetInt32(), Is.EqualTo(35));
    }

    [Test]
    public async Task Markdown_is_a_pull_request_comment_with_breaking_changes_first()
    {
        var result = await CliRunner.RunAsync("diff", "--format", "md", History("1.4.0"), History("2.0.0"));

        Assert.That(result.Out, Does.StartWith("## Contract diff: ❌ fails"));
        Assert.That(result.Out, Does.Contain("| | rule | where | change | old → new | backward | forward | full |"));
        var rows = result.Out.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains('`', StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(6));
        Assert.That(rows.Take(5), Has.All.Contains("⚠️ **breaking**"));
        Assert.That(rows[5], Does.Contain("`owner-changed`").And.Not.Contains("breaking**"));
    }

    [Test]
    public async Task List_rules_prints_every_rule_with_its_effects()
    {
        var result = await CliRunner.RunAsync("diff", "--list-rules");
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Out, Does.Contain("enum-value-added").And.Contain("backward compatible forward breaking"));
        Assert.That(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(ContractKit.Contracts.Compatibility.ChangeRules.All.Length));
    }

    // ---- Bad input: a clear message, exit 2, no stack trace ------------------------------------

    [Test]
    public async Task Two_files_with_different_ids_exit_2()
    {
        var result = await CliRunner.RunAsync("diff", Path.Combine(Contracts, "orders.yaml"), Path.Combine(Contracts, "payments.yaml"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("is contract 'orders-service' and").And.Contain("is 'payments-db'; diff compares two versions of one contract"));
        NoStackTrace(result);
    }

    [Test]
    public async Task A_new_version_that_does_not_lint_exits_2_with_its_findings()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("orders.yaml", Orders.Replace("version: 2.1.0", "version: 2.2.0", StringComparison.Ordinal).Replace("fail: 1h", "fail: soon", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("diff", Path.Combine(Contracts, "orders.yaml"), broken);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"NEW {broken} does not lint, so it cannot be compared"));
        Assert.That(result.Err, Does.Contain($"{broken}:50:35: error invalid-duration"));
        NoStackTrace(result);
    }

    [Test]
    public async Task A_ref_that_changed_to_a_missing_file_exits_2()
    {
        using var folder = new TempFolder();
        var old = folder.Write("old/clickstream.yaml", Example("clickstream.yaml"));
        folder.Write("old/schemas/click-event.schema.json", Example("schemas", "click-event.schema.json"));
        var @new = folder.Write("new/clickstream.yaml", Example("clickstream.yaml")
            .Replace("schemas/click-event.schema.json", "schemas/click-event-v2.schema.json", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("diff", old, @new);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("does not lint").And.Contain("error ref-unresolved: 'schemas/click-event-v2.schema.json' names"));
        NoStackTrace(result);
    }

    [Test]
    public async Task A_missing_file_exits_2()
    {
        var result = await CliRunner.RunAsync("diff", "/nonexistent/old.yaml", Path.Combine(Contracts, "orders.yaml"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("OLD '/nonexistent/old.yaml' does not exist"));
    }

    [TestCase]
    [TestCase("a.yaml", "b.yaml", "c.yaml")]
    public async Task Wrong_number_of_paths_exits_2(params string[] paths)
    {
        var result = await CliRunner.RunAsync(["diff", .. paths]);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("name two contract files"));
    }

    [Test]
    public async Task A_git_ref_that_does_not_exist_exits_2()
    {
        using var repository = GitFixture.Create();
        var result = await CliRunner.RunAsync("diff", "--base", "no-such-branch", repository.Contracts);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("git ref 'no-such-branch' does not exist"));
        NoStackTrace(result);
    }

    [Test]
    public async Task A_contract_that_is_not_in_git_exits_2()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.yaml", Orders);
        var result = await CliRunner.RunAsync("diff", "--base", "main", path);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("is not in a git repository"));
        NoStackTrace(result);
    }

    // ---- --base ---------------------------------------------------------------------------------

    [Test]
    public async Task Base_compares_each_contract_with_its_content_at_the_ref()
    {
        using var repository = GitFixture.Create();
        repository.Write("contracts/orders.yaml", Orders.Replace("version: 2.1.0", "version: 2.2.0", StringComparison.Ordinal).Replace("fail: 1h", "fail: 2h", StringComparison.Ordinal));
        repository.Write("contracts/new.yaml", Orders.Replace("id: orders-service", "id: returns-service", StringComparison.Ordinal));
        File.Delete(Path.Combine(repository.Contracts, "payments.yaml"));

        var result = await CliRunner.RunAsync("diff", "--base", "main", repository.Contracts);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("orders-service 2.1.0 → 2.2.0   main:contracts/orders.yaml →"));
        Assert.That(result.Out, Does.Match(@"breaking\s+freshness-loosened"));
        Assert.That(result.Out, Does.Contain("FAIL needs-major"));
        Assert.That(result.Out, Does.Contain("returns-service 2.1.0 added"));
        Assert.That(result.Out, Does.Contain("payments-db 1.3.0 removed   main:contracts/payments.yaml"));
        Assert.That(result.Out, Does.Contain("FAIL contract-removed"));
        Assert.That(result.Out, Does.Contain("4 contracts: 1 compared, 1 added, 1 removed, 1 unchanged; 2 failed, 1 breaking change"));
    }

    [Test]
    public async Task Base_flags_content_changed_without_a_new_version()
    {
        using var repository = GitFixture.Create();
        repository.Write("contracts/schemas/click-event.schema.json", Example("schemas", "click-event.schema.json")
            .Replace("\"maxLength\": 1024", "\"maxLength\": 2048", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("diff", "--base", "main", Path.Combine(repository.Contracts, "clickstream.yaml"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Err);
        Assert.That(result.Out, Does.Match(@"compatible\s+bound-loosened\s+clicks › user_agent"));
        Assert.That(result.Out, Does.Contain("FAIL version-unchanged: the contract changed but its version is still 0.4.0; raise it to 0.4.1"));
    }

    [Test]
    public async Task Base_reads_a_changed_contract_whose_schema_file_did_not_change()
    {
        using var repository = GitFixture.Create();
        repository.Write("contracts/clickstream.yaml", Example("clickstream.yaml")
            .Replace("version: 0.4.0", "version: 0.4.1", StringComparison.Ordinal).Replace("warn: 2h", "warn: 3h", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("diff", "--base", "main", repository.Contracts);

        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        Assert.That(result.Out, Does.Match(@"compatible\s+freshness-loosened\s+clicks › freshness.warn"));
        Assert.That(result.Out, Does.Contain("3 contracts: 1 compared, 2 unchanged; 0 failed, 0 breaking changes"));
    }

    [Test]
    public async Task Base_compares_only_the_contracts_that_reach_a_changed_schema_file()
    {
        using var repository = GitFixture.Create();
        repository.Write("contracts/schemas/click-event.schema.json", Example("schemas", "click-event.schema.json")
            .Replace("\"enum\": [\"page_view\", \"click\"]", "\"enum\": [\"page_view\"]", StringComparison.Ordinal));
        repository.Write("contracts/clickstream.yaml", Example("clickstream.yaml").Replace("version: 0.4.0", "version: 0.5.0", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("diff", "--base", "main", repository.Contracts);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Err);
        Assert.That(result.Out, Does.Match(@"breaking\s+enum-value-removed\s+clicks › kind"));
        Assert.That(result.Out, Does.Contain("3 contracts: 1 compared, 2 unchanged; 1 failed, 1 breaking change"));
    }

    [Test]
    public async Task Base_with_nothing_changed_exits_0()
    {
        using var repository = GitFixture.Create();
        var result = await CliRunner.RunAsync("diff", "--base", "main", repository.Contracts);
        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("3 contracts: 3 unchanged; 0 failed, 0 breaking changes"));
    }

    /// <summary>A throwaway git repository holding a copy of contracts/ (without history/), committed on main.</summary>
    private sealed class GitFixture : IDisposable
    {
        private readonly TempFolder _folder = new();

        private GitFixture()
        {
        }

        public string Contracts => Path.Combine(_folder.Path, "contracts");

        public static GitFixture Create()
        {
            var fixture = new GitFixture();
            var source = Path.Combine(CliRunner.RepositoryRoot, "contracts");
            foreach (var file in new[] { "orders.yaml", "payments.yaml", "clickstream.yaml", "schemas/click-event.schema.json" })
            {
                fixture.Write("contracts/" + file, File.ReadAllText(Path.Combine(source, file)));
            }

            fixture.Git("init", "-q", "-b", "main");
            fixture.Git("add", ".");
            fixture.Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "contracts");
            return fixture;
        }

        public void Write(string relative, string content) => _folder.Write(relative, content);

        private void Git(params string[] arguments)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = _folder.Path, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
        }

        public void Dispose() => _folder.Dispose();
    }
}
