using ContractKit.Contracts.Compatibility;

namespace ContractKit.Contracts.Documentation;

/// <summary>Words for changes and verdicts, shared by the text, Markdown and HTML renderings.</summary>
public static class ChangeText
{
    /// <summary>"compatible" or "breaking".</summary>
    public static string Of(Effect effect) => effect == Effect.Breaking ? "breaking" : "compatible";

    /// <summary><c>major</c>, <c>minor</c>, <c>patch</c> or <c>none</c>.</summary>
    public static string Of(VersionBump bump) => bump.ToString().ToLowerInvariant();

    /// <summary>The old → new part of a change, shortened for a table cell.</summary>
    public static string Values(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{Short(change.Old) ?? "(absent)"} → {Short(change.New) ?? "(absent)"}";
    }

    /// <summary>What the verdict says, in one line.</summary>
    public static string Summary(ContractDiff diff, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(verdict);
        var needs = verdict.Required switch
        {
            VersionBump.None => "nothing changed",
            _ => $"the changes need a {Of(verdict.Required)} version",
        };
        var got = verdict.Actual == VersionBump.None ? $"the version stayed {diff.New.Version}" : $"{diff.Old.Version} → {diff.New.Version} is a {Of(verdict.Actual)} bump";
        return $"Declared compatibility {verdict.Mode}; {needs}; {got}";
    }

    private static string? Short(string? text) => text is null ? null : text.Length <= 60 ? text : text[..57] + "…";
}
