using ContractKit.Cli.Tests.Support;

namespace ContractKit.Cli.Tests.Commands;

/// <summary>Options that take one of a set of words: spelled in lower case in help and errors, any case accepted.</summary>
public class ChoiceOptionTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepositoryRoot, "contracts", name);

    [TestCase("lint", "--format", "text, json, github")]
    [TestCase("validate", "--format", "text, json, junit")]
    [TestCase("validate", "--input-format", null)]
    [TestCase("probe", "--format", "text, json, junit")]
    [TestCase("probe", "--otel", "none, console")]
    [TestCase("diff", "--format", "text, json, md")]
    [TestCase("docs", "--format", "md, html")]
    public async Task Help_shows_the_choices_in_lower_case(string command, string option, string? choices)
    {
        var help = await CliRunner.RunAsync(command, "--help");

        var expected = choices is null ? "<jsonl|json|csv>" : $"<{choices.Replace(", ", "|", StringComparison.Ordinal)}>";
        Assert.That(help.Out, Does.Contain($"{option} {expected}"));
        Assert.That(help.Out, Does.Not.Match(@"\[default: [A-Z]"), "a default in the enum's spelling (Text, Md) would contradict the choices");
    }

    [TestCase("lint", "--format", "xml", "text, json, github")]
    [TestCase("lint", "--format", "1", "text, json, github")]
    [TestCase("probe", "--otel", "consol", "none, console")]
    [TestCase("docs", "--format", "pdf", "md, html")]
    public async Task A_word_not_among_the_choices_exits_2_naming_the_option_and_the_choices(string command, string option, string value, string choices)
    {
        var result = await CliRunner.RunAsync(command, option, value, Example("orders.yaml"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"{option}: '{value}' is not one of {choices}"));
        Assert.That(result.Err, Does.Not.Contain("ContractKit.Cli"), "no internal type names");
    }

    [Test]
    public async Task Any_case_is_accepted_and_the_first_choice_is_the_default()
    {
        var upper = await CliRunner.RunAsync("lint", "--format", "JSON", Example("orders.yaml"));
        var unset = await CliRunner.RunAsync("lint", Example("orders.yaml"));

        Assert.That(upper.ExitCode, Is.Zero, upper.Err);
        Assert.That(upper.Out.TrimStart(), Does.StartWith("{"));
        Assert.That(unset.Out, Does.StartWith("1 contract checked"), "text when --format is not given");
    }
}
