using ContractKit.Contracts.Linting;

namespace ContractKit.Cli.Commands.Lint;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which the pull-request
/// view shows on the lines they name.
/// </summary>
internal sealed class GitHubLintWriter : ILintWriter
{
    public void Write(LintReport report, ExitCode exitCode, TextWriter output)
    {
        foreach (var d in report.Diagnostics)
        {
            var kind = d.IsError ? "error" : "warning";
            output.WriteLine(
                $"::{kind} file={Property(d.Span.File)},line={d.Span.Start.Line},col={d.Span.Start.Column}," +
                $"endLine={d.Span.End.Line},endColumn={d.Span.End.Column},title={Property(d.Rule.Id)}::{Data($"{d.Message} (hint: {d.Hint})")}");
        }

        output.WriteLine($"{report.Files.Length} contracts checked: {report.Errors} errors, {report.Warnings} warnings");
    }

    // The escaping rules of GitHub's workflow-command toolkit (@actions/core, command.ts).
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
