using ContractKit.Cli.Tests.Support;
using ContractKit.Contracts.Diagnostics;

namespace ContractKit.Cli.Tests;

/// <summary>The README is part of the product: its rule table and exit codes must match the code.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));

    [Test]
    public void Lists_every_lint_rule_with_its_severity()
    {
        var missing = Rules.All.Where(r => !Readme.Contains($"| `{r.Id}` | {(r.DefaultSeverity == Severity.Error ? "error" : "warning")} |", StringComparison.Ordinal));
        Assert.That(missing.Select(r => r.Id), Is.Empty);
    }

    [Test]
    public void Lists_every_change_rule_with_its_effects()
    {
        static string Of(ContractKit.Contracts.Compatibility.Effect e) => e == ContractKit.Contracts.Compatibility.Effect.Breaking ? "breaking" : "compatible";
        var missing = ContractKit.Contracts.Compatibility.ChangeRules.All
            .Where(r => !Readme.Contains($"| `{r.Id}` | {Of(r.Effects.Backward)} | {Of(r.Effects.Forward)} | {Of(r.Effects.Full)} |", StringComparison.Ordinal));
        Assert.That(missing.Select(r => r.Id), Is.Empty);
    }

    [Test]
    public void Documents_every_exit_code()
    {
        foreach (var code in Enum.GetValues<ExitCode>())
        {
            Assert.That(Readme, Does.Contain($"| {(int)code} |"), $"exit code {code}");
        }
    }

    [TestCase("codegen")]
    [TestCase("init")]
    [TestCase("simulate")]
    [TestCase("demo")]
    [TestCase("probe")]
    [TestCase("diff")]
    [TestCase("docs")]
    [TestCase("validate")]
    [TestCase("lint")]
    public void Documents_every_option_of(string command)
    {
        var verb = CliApp.Build(new CliContext(TextWriter.Null, TextWriter.Null)).Subcommands.Single(c => c.Name == command);
        // A command may have several usage lines (diff: two files, or --base); together they name every option.
        var lines = Readme.Split('\n').Where(line => line.StartsWith($"contractkit {command} ", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Is.Not.Empty, $"README has no usage line for contractkit {command}");
        var usage = string.Join("\n", lines);
        Assert.That(verb.Options.Select(o => o.Name).Where(name => name != "--help"), Has.All.Matches<string>(name => usage!.Contains(name, StringComparison.Ordinal)), usage);
    }

    [Test]
    public async Task Shows_what_validate_really_prints_for_the_sample_records()
    {
        const string Command = "$ ./contractkit validate contracts/orders.yaml samples/orders.jsonl";
        var block = Readme[(Readme.IndexOf(Command, StringComparison.Ordinal) + Command.Length)..];
        var shown = block[..block.IndexOf("```", StringComparison.Ordinal)].Trim();

        var result = await CliRunner.RunProcessAsync(CliRunner.RepositoryRoot, "validate", "contracts/orders.yaml", "samples/orders.jsonl");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Err);
        Assert.That(result.Out.Trim().ReplaceLineEndings("\n"), Is.EqualTo(shown));
    }

    [Test]
    public void Names_the_two_commands_a_newcomer_runs()
    {
        Assert.That(Readme, Does.Contain("./contractkit lint contracts/"));
        Assert.That(Readme, Does.Contain("./test.sh"));
    }
}
