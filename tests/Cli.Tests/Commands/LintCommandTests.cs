using System.Text.Json;
using ContractKit.Cli.Tests.Support;
using ContractKit.Contracts.Diagnostics;

namespace ContractKit.Cli.Tests.Commands;

public class LintCommandTests
{
    private static string Contracts => Path.Combine(CliRunner.RepositoryRoot, "contracts");

    private static string Example(string name) => Path.Combine(Contracts, name);

    [Test]
    public async Task Clean_contracts_exit_0()
    {
        var result = await CliRunner.RunAsync("lint", Contracts);
        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("5 contracts checked: 0 errors, 0 warnings"));
    }

    [Test]
    public async Task Findings_exit_1_and_print_file_line_column_rule_message_and_hint()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.yaml", File.ReadAllText(Example("orders.yaml")).Replace("  timeout: 10s", "  timout: 10s", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("lint", path);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain($"{path}:18:3: error unknown-key: 'timout' is not a key of 'source'"));
        Assert.That(result.Out, Does.Contain("hint: did you mean 'timeout'?"));
    }

    [Test]
    public async Task Warnings_pass_unless_strict()
    {
        using var folder = new TempFolder();
        var path = folder.Write("payments.yaml", File.ReadAllText(Example("payments.yaml")).Replace("    key: [refund_id]\n", "", StringComparison.Ordinal));

        var lenient = await CliRunner.RunAsync("lint", path);
        var strict = await CliRunner.RunAsync("lint", "--strict", path);

        Assert.That((lenient.ExitCode, strict.ExitCode), Is.EqualTo((0, 1)));
        Assert.That(lenient.Out, Does.Contain("warning no-key"));
    }

    [Test]
    public async Task Missing_paths_exit_2_but_the_other_contracts_are_still_reported()
    {
        var result = await CliRunner.RunAsync("lint", "/nonexistent/contract.yaml", Example("orders.yaml"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("'/nonexistent/contract.yaml' does not exist"));
        Assert.That(result.Out, Does.Contain("1 contract checked"));
    }

    [TestCase("lint", "--format", "xml")]
    [TestCase("lint", "--no-such-option")]
    [TestCase("no-such-command")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("contractkit:"));
    }

    [Test]
    public async Task Json_output_carries_every_field_a_machine_needs()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.yaml", File.ReadAllText(Example("orders.yaml")).Replace("availability: 99.9%", "availability: 101%", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("lint", "--format", "json", path, Example("payments.yaml"));

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("outputVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("summary").GetProperty("exitCode").GetInt32(), Is.EqualTo(result.ExitCode).And.EqualTo(1));
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.That(files.Select(f => f.GetProperty("valid").GetBoolean()), Is.EqualTo(new[] { false, true }));
        Assert.That(files[1].GetProperty("contract").GetString(), Is.EqualTo("payments-db"));
        var finding = files[0].GetProperty("findings")[0];
        Assert.That(finding.GetProperty("rule").GetString(), Is.EqualTo("invalid-percentage"));
        Assert.That((finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32()), Is.EqualTo((58, 17)));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo("'101%' is more than 100%"));
    }

    [Test]
    public async Task GitHub_format_writes_escaped_workflow_annotations()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a,b.yaml", File.ReadAllText(Example("orders.yaml")).Replace("version: 2.1.0", "version: banana", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("lint", "--format", "github", path);

        var line = result.Out.Split('\n').First();
        Assert.That(line, Does.StartWith($"::error file={path.Replace(",", "%2C", StringComparison.Ordinal)},line=4,col=10,"));
        Assert.That(line, Does.Contain(",title=invalid-version::'banana' is not a semantic version"));
    }

    [Test]
    public async Task Lists_every_rule()
    {
        var result = await CliRunner.RunAsync("lint", "--list-rules");
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(Rules.All.Where(r => !result.Out.Contains(r.Id, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_real_process_reports_bad_input_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        folder.Write("binary.yaml", "\0\u0001\u0002");
        folder.Write("tabs.yaml", "apiVersion: contractkit/v1\n\tid: x\n");

        var result = await CliRunner.RunProcessAsync(folder.Path, "lint", ".");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Err);
        Assert.That(result.Out, Does.Contain("binary.yaml:1:1: error file-not-text"));
        Assert.That(result.Out, Does.Contain("tabs.yaml:2:1: error yaml-syntax"));
        Assert.That(result.Out + result.Err, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Without_paths_it_lints_contracts_in_the_current_folder()
    {
        var inRepository = await CliRunner.RunProcessAsync(CliRunner.RepositoryRoot, "lint");
        Assert.That(inRepository.ExitCode, Is.Zero, inRepository.Out + inRepository.Err);

        using var empty = new TempFolder();
        var elsewhere = await CliRunner.RunProcessAsync(empty.Path, "lint");
        Assert.That(elsewhere.ExitCode, Is.EqualTo(2));
        Assert.That(elsewhere.Err, Does.Contain("there is no contracts/ folder here"));
    }

    [Test]
    public async Task Version_prints_the_version()
    {
        var result = await CliRunner.RunProcessAsync(CliRunner.RepositoryRoot, "--version");
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Out.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }
}
