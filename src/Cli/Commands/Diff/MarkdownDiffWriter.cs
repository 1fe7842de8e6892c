using ContractKit.Contracts.Documentation;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>Markdown for a pull-request comment: the summary, then each contract's changes as a table.</summary>
internal sealed class MarkdownDiffWriter : IDiffWriter
{
    public void Write(DiffReport report, TextWriter output)
    {
        output.WriteLine($"## Contract diff: {(report.Failed > 0 ? "❌ fails" : "✅ passes")}");
        output.WriteLine();
        output.WriteLine(TextDiffWriter.Summary(report) + ".");
        output.WriteLine();
        foreach (var entry in report.Entries)
        {
            switch (entry.Status)
            {
                case EntryStatus.Compared:
                    MarkdownChanges.Write(output, entry.Diff!, entry.Verdict, "###");
                    break;
                case EntryStatus.Added:
                    output.WriteLine($"### {entry.New!.Id} {entry.New.Version} added");
                    output.WriteLine();
                    break;
                case EntryStatus.Removed:
                    output.WriteLine($"### {entry.Old!.Id} {entry.Old.Version} removed");
                    output.WriteLine();
                    foreach (var failure in entry.Failures)
                    {
                        output.WriteLine($"- `{failure.Code}`: {failure.Message}");
                    }

                    output.WriteLine();
                    break;
            }
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"> {note}");
        }
    }
}
