using ContractKit.Cli.Output;
using ContractKit.Contracts.Documentation;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>A block per contract: the versions, the verdict, then each change (breaking first) with its effects and position.</summary>
internal sealed class TextDiffWriter : IDiffWriter
{
    public void Write(DiffReport report, TextWriter output)
    {
        var terminal = Terminal.For(output);
        foreach (var entry in report.Entries.Where(e => e.Status != EntryStatus.Unchanged))
        {
            switch (entry.Status)
            {
                case EntryStatus.Added:
                    output.WriteLine($"{terminal.Bold(entry.New!.Id.Value)} {entry.New.Version} added   {entry.NewPath}");
                    break;
                case EntryStatus.Removed:
                    output.WriteLine($"{terminal.Bold(entry.Old!.Id.Value)} {entry.Old.Version} removed   {entry.OldPath}");
                    break;
                default:
                    WriteCompared(entry, terminal, output);
                    break;
            }

            foreach (var failure in entry.Failures)
            {
                output.WriteLine($"  {terminal.Red("FAIL")} {failure.Code}: {failure.Message}");
            }

            output.WriteLine();
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine(terminal.Dim($"note: {note}"));
        }

        var summary = Summary(report);
        output.WriteLine(report.Failed > 0 ? terminal.Red(summary) : terminal.Green(summary));
    }

    private static void WriteCompared(DiffEntry entry, Terminal terminal, TextWriter output)
    {
        var (diff, verdict) = (entry.Diff!, entry.Verdict!);
        output.WriteLine($"{terminal.Bold(diff.New.Id.Value)} {diff.Old.Version} → {diff.New.Version}   {entry.OldPath} → {entry.NewPath}");
        output.WriteLine($"  {ChangeText.Summary(diff, verdict)}");
        if (diff.Changes.IsEmpty)
        {
            output.WriteLine(terminal.Dim(diff.ContentChanged ? "  no promise changed (only settings such as probes or simulation)" : "  no changes"));
        }

        foreach (var change in diff.BreakingFirst())
        {
            var label = diff.IsBreaking(change) ? terminal.Red("breaking  ") : terminal.Green("compatible");
            output.WriteLine($"  {label} {change.RuleId}  {change.Location}: {change.Message}");
            var position = change.NewSpan ?? change.OldSpan;
            output.WriteLine(terminal.Dim(
                $"             backward {ChangeText.Of(change.Effects.Backward)} · forward {ChangeText.Of(change.Effects.Forward)} · full {ChangeText.Of(change.Effects.Full)}" +
                $"   {ChangeText.Values(change)}{(position is null ? "" : "   " + position)}"));
        }

        if (verdict.Passed)
        {
            output.WriteLine($"  {terminal.Green("PASS")}");
        }
    }

    internal static string Summary(DiffReport report)
    {
        var count = report.Entries.Length;
        var parts = new[] { EntryStatus.Compared, EntryStatus.Added, EntryStatus.Removed, EntryStatus.Unchanged }
            .Select(s => (Status: s, Count: report.Entries.Count(e => e.Status == s)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Status.ToString().ToLowerInvariant()}");
        return $"{count} contract{(count == 1 ? "" : "s")}: {string.Join(", ", parts)}; {report.Failed} failed, {report.Breaking} breaking change{(report.Breaking == 1 ? "" : "s")}";
    }
}
