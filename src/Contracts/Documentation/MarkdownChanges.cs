using ContractKit.Contracts.Compatibility;

namespace ContractKit.Contracts.Documentation;

/// <summary>
/// A diff as Markdown: a heading per version pair, the verdict, and a table of changes with
/// breaking ones first. <c>contractkit diff --format md</c> (a pull-request comment) and the
/// changelog of <c>contractkit docs</c> both print it.
/// </summary>
public static class MarkdownChanges
{
    /// <summary>Writes one version pair.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="diff">The diff.</param>
    /// <param name="verdict">Its verdict, or null to leave the pass/fail line out (a changelog of agreed versions).</param>
    /// <param name="heading">The heading prefix, e.g. <c>###</c>.</param>
    public static void Write(TextWriter writer, ContractDiff diff, Verdict? verdict, string heading)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diff);
        writer.WriteLine($"{heading} {diff.New.Id} {diff.Old.Version} → {diff.New.Version}");
        writer.WriteLine();
        if (verdict is not null)
        {
            writer.WriteLine($"{(verdict.Passed ? "**Passes.**" : "**Fails.**")} {Markdown.Escape(ChangeText.Summary(diff, verdict))}.");
            foreach (var failure in verdict.Failures)
            {
                writer.WriteLine($"- `{failure.Code}`: {Markdown.Escape(failure.Message)}");
            }

            writer.WriteLine();
        }

        if (diff.Changes.IsEmpty)
        {
            writer.WriteLine(diff.ContentChanged ? "No promise changed (only settings such as probes or simulation)." : "No changes.");
            writer.WriteLine();
            return;
        }

        var breaking = diff.Changes.Count(diff.IsBreaking);
        writer.WriteLine($"{diff.Changes.Length} change{(diff.Changes.Length == 1 ? "" : "s")}, {breaking} breaking under `{diff.New.Compatibility}`.");
        writer.WriteLine();
        writer.WriteLine("| | rule | where | change | old → new | backward | forward | full |");
        writer.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var change in diff.BreakingFirst())
        {
            var mark = diff.IsBreaking(change) ? "⚠️ **breaking**" : "";
            writer.WriteLine($"| {mark} | `{change.RuleId}` | {Markdown.Cell(change.Location)} | {Markdown.Cell(change.Message)} | {Markdown.Cell(ChangeText.Values(change))} | " +
                $"{ChangeText.Of(change.Effects.Backward)} | {ChangeText.Of(change.Effects.Forward)} | {ChangeText.Of(change.Effects.Full)} |");
        }

        writer.WriteLine();
    }
}

/// <summary>Markdown escaping.</summary>
internal static class Markdown
{
    /// <summary>Text safe inside a table cell: pipes escaped, line breaks flattened.</summary>
    public static string Cell(string? text) => Escape(text ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Text with the characters that would start Markdown or HTML markup escaped.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal);
}
