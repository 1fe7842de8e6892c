using ContractKit.Cli.Output;
using ContractKit.Contracts.Linting;

namespace ContractKit.Cli.Commands.Lint;

/// <summary><c>file:line:column: error rule-id: message</c>, then the hint, then a summary line.</summary>
internal sealed class TextLintWriter : ILintWriter
{
    public void Write(LintReport report, ExitCode exitCode, TextWriter output)
    {
        var terminal = Terminal.For(output);
        foreach (var diagnostic in report.Diagnostics)
        {
            var severity = diagnostic.IsError ? terminal.Red("error") : terminal.Yellow("warning");
            output.WriteLine($"{diagnostic.Span}: {severity} {diagnostic.Rule.Id}: {diagnostic.Message}");
            output.WriteLine(terminal.Dim($"    hint: {diagnostic.Hint}"));
        }

        var files = report.Files.Length;
        var summary = $"{files} contract{(files == 1 ? "" : "s")} checked: {Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}";
        output.WriteLine(report.Errors > 0 ? terminal.Red(summary) : report.Warnings > 0 ? terminal.Yellow(summary) : terminal.Green(summary));
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
