using ContractKit.Probes.Results;
using Spectre.Console;

namespace ContractKit.Cli.Commands.Probe;

/// <summary>A Spectre.Console table per contract; below it, why each non-passing check did not pass, with evidence.</summary>
internal sealed class TextProbeWriter : IProbeWriter
{
    public void Write(IReadOnlyList<ProbeReport> reports, ExitCode exitCode, TextWriter output)
    {
        var terminal = output == Console.Out && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output has no width; a log is read wide.
            console.Profile.Width = 160;
        }

        foreach (var report in reports)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(report.ContractId)} {Markup.Escape(report.Version)}[/] — {Markup.Escape(report.Title)} ({report.SourceKind.ToString().ToLowerInvariant()})");
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("dataset").AddColumn("check").AddColumn("status").AddColumn("measured").AddColumn("expected");
            foreach (var result in report.Results)
            {
                table.AddRow(
                    Markup.Escape(result.Dataset ?? "-"),
                    Markup.Escape(result.CheckId),
                    Status(result.Status),
                    Markup.Escape(result.Measured),
                    Markup.Escape(result.Expected));
            }

            console.Write(table);
            foreach (var result in report.Results.Where(r => r.Status != CheckStatus.Pass))
            {
                console.MarkupLine($"  {Status(result.Status)} {Markup.Escape($"{result.Dataset}/{result.CheckId}")}: {Markup.Escape(result.Message ?? result.Measured)}");
                foreach (var evidence in result.Evidence)
                {
                    console.MarkupLine($"      [dim]{Markup.Escape(evidence.Location is null ? evidence.Description : $"{evidence.Location}: {evidence.Description}")}[/]");
                    if (evidence.Record is not null)
                    {
                        // Records are long JSON: written as they are, not wrapped to the table's width.
                        output.WriteLine($"        {evidence.Record}");
                    }
                }
            }

            foreach (var note in report.Notes)
            {
                console.MarkupLine($"  [dim]note {Markup.Escape(note.Dataset)}: {Markup.Escape(note.Text)}[/]");
            }

            var clocks = report.Results.Select(r => r.Clock).OfType<ProbeClock>().Select(c => c.Description).Distinct().ToList();
            console.MarkupLine($"  {Markup.Escape(ProbeSummary.Counts(report.Results))} in {report.Duration.TotalSeconds:0.0}s" +
                               (clocks.Count > 0 ? $"; times measured on the {Markup.Escape(string.Join(", ", clocks))}" : ""));
        }

        console.WriteLine();
        console.MarkupLine(exitCode switch
        {
            ExitCode.Ok => "[green]all promises hold[/]",
            ExitCode.Findings => "[red]some promises are broken[/]",
            _ => "[red]some checks could not be made[/]",
        } + $" ({Markup.Escape(ProbeSummary.Counts(reports.SelectMany(r => r.Results)))})");
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "[green]pass[/]",
        CheckStatus.Warn => "[yellow]warn[/]",
        CheckStatus.Fail => "[red]FAIL[/]",
        _ => "[red]ERROR[/]",
    };
}
