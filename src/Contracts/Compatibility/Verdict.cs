using System.Collections.Immutable;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Compatibility;

/// <summary>Which part of a semantic version a change set needs raised.</summary>
public enum VersionBump
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Only informational changes.</summary>
    Patch,

    /// <summary>Compatible changes to what is promised.</summary>
    Minor,

    /// <summary>Changes that break the declared compatibility.</summary>
    Major,
}

/// <summary>Why a diff fails.</summary>
/// <param name="Code">Stable id: <c>breaks-compatibility</c>, <c>always-flagged</c>, <c>needs-major</c>, <c>version-unchanged</c>, <c>version-lowered</c>.</param>
/// <param name="Message">One line for people.</param>
public sealed record VerdictFailure(string Code, string Message);

/// <summary>What a diff means for the contract's declared compatibility and its version.</summary>
/// <param name="Mode">The compatibility the new version declares.</param>
/// <param name="Required">The bump the changes against the previous version need.</param>
/// <param name="Actual">The bump the versions show.</param>
/// <param name="Failures">Why the diff fails; empty when it passes.</param>
public sealed record Verdict(CompatibilityMode Mode, VersionBump Required, VersionBump Actual, ImmutableArray<VerdictFailure> Failures)
{
    /// <summary>True when nothing fails.</summary>
    public bool Passed => Failures.IsEmpty;

    /// <summary>
    /// Judges the new version against its predecessor and, for <c>_transitive</c> modes, against
    /// every earlier version. A diff fails when a change breaks the declared mode (or is always
    /// flagged), when a breaking change comes without a major bump, when the content changed and
    /// the version did not, or when the version went down.
    /// </summary>
    /// <param name="previous">New version against the one before it.</param>
    /// <param name="earlier">New version against older ones (used only by <c>_transitive</c> modes).</param>
    public static Verdict Judge(ContractDiff previous, IEnumerable<ContractDiff>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var mode = previous.New.Compatibility;
        var failures = ImmutableArray.CreateBuilder<VerdictFailure>();
        var against = new List<ContractDiff> { previous };
        if (mode.Transitive && earlier is not null)
        {
            against.AddRange(earlier);
        }

        foreach (var diff in against)
        {
            // EffectUnder already says "compatible" for none: nothing breaks a contract that promises nothing.
            var breaking = diff.Changes.Where(c => c.EffectUnder(mode.Direction) == Effect.Breaking).ToList();
            if (breaking.Count > 0)
            {
                failures.Add(new VerdictFailure("breaks-compatibility",
                    $"{Count(breaking.Count, "change")} against {diff.Old.Version} break{(breaking.Count == 1 ? "s" : "")} the declared {mode} compatibility: {string.Join(", ", breaking.Select(c => c.RuleId).Distinct())}"));
            }
        }

        var flagged = previous.Changes.Where(c => c.Rule.AlwaysFlagged).ToList();
        if (flagged.Count > 0)
        {
            failures.Add(new VerdictFailure("always-flagged",
                $"{string.Join(", ", flagged.Select(c => $"{c.RuleId} at {c.Location}"))}: flagged whatever the declared compatibility"));
        }

        var required = RequiredBump(previous);
        var actual = ActualBump(previous.Old.Version, previous.New.Version);
        if (previous.New.Version < previous.Old.Version)
        {
            failures.Add(new VerdictFailure("version-lowered", $"the version went down from {previous.Old.Version} to {previous.New.Version}"));
        }
        else if (previous.ContentChanged && actual == VersionBump.None)
        {
            failures.Add(new VerdictFailure("version-unchanged",
                $"the contract changed but its version is still {previous.New.Version}; raise it to {Suggest(previous.Old.Version, required)}"));
        }
        else if (required == VersionBump.Major && actual != VersionBump.Major)
        {
            failures.Add(new VerdictFailure("needs-major",
                $"breaking changes need a new major version: {previous.Old.Version} → {Suggest(previous.Old.Version, VersionBump.Major)}, not {previous.New.Version}"));
        }

        return new Verdict(mode, required, actual, failures.ToImmutable());
    }

    /// <summary>
    /// The bump a change set needs: major when a change breaks the declared direction (for
    /// <c>none</c>, forward: consumers built against the previous version), minor when a change
    /// alters what is accepted or promised compatibly, patch for informational changes only.
    /// </summary>
    public static VersionBump RequiredBump(ContractDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.Changes.Any(diff.IsBreaking))
        {
            return VersionBump.Major;
        }

        if (diff.Changes.Any(c => c.Kind != ChangeKind.Neutral))
        {
            return VersionBump.Minor;
        }

        return diff.ContentChanged ? VersionBump.Patch : VersionBump.None;
    }

    /// <summary>
    /// The bump between two versions. Below 1.0.0 the minor number is the breaking one (as Cargo
    /// and npm's caret treat it): 0.4.0 → 0.5.0 counts as major.
    /// </summary>
    public static VersionBump ActualBump(SemVersion old, SemVersion @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        if (@new <= old)
        {
            return VersionBump.None;
        }

        if (@new.Major > old.Major || (old.Major == 0 && @new.Minor > old.Minor))
        {
            return VersionBump.Major;
        }

        return @new.Minor > old.Minor || (old.Major == 0 && @new.Patch > old.Patch) ? VersionBump.Minor : VersionBump.Patch;
    }

    /// <summary>The next version with <paramref name="bump"/> applied.</summary>
    public static SemVersion Suggest(SemVersion old, VersionBump bump)
    {
        ArgumentNullException.ThrowIfNull(old);
        return bump switch
        {
            VersionBump.Major when old.Major == 0 => SemVersion.Create(0, old.Minor + 1, 0),
            VersionBump.Major => SemVersion.Create(old.Major + 1, 0, 0),
            VersionBump.Minor when old.Major == 0 => SemVersion.Create(0, old.Minor, old.Patch + 1),
            VersionBump.Minor => SemVersion.Create(old.Major, old.Minor + 1, 0),
            _ => SemVersion.Create(old.Major, old.Minor, old.Patch + 1),
        };
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
