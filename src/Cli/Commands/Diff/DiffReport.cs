using System.Collections.Immutable;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>What happened to one contract between the two sides of a diff.</summary>
internal enum EntryStatus
{
    /// <summary>Both sides exist and were compared.</summary>
    Compared,

    /// <summary>New on the new side.</summary>
    Added,

    /// <summary>Gone from the new side.</summary>
    Removed,

    /// <summary>Byte-identical on both sides, schema files included.</summary>
    Unchanged,
}

/// <summary>One contract in a diff report.</summary>
/// <param name="Id">The contract id; null for an unchanged file that was not loaded.</param>
/// <param name="Status">What happened to it.</param>
/// <param name="OldPath">The old side as shown (<c>main:contracts/orders.yaml</c>), when there is one.</param>
/// <param name="NewPath">The new side as shown, when there is one.</param>
/// <param name="Old">The old version, when loaded.</param>
/// <param name="New">The new version, when loaded.</param>
/// <param name="Diff">The comparison, for <see cref="EntryStatus.Compared"/>.</param>
/// <param name="Verdict">Its verdict, for <see cref="EntryStatus.Compared"/>.</param>
/// <param name="Failures">Why this entry fails; empty when it passes.</param>
internal sealed record DiffEntry(
    string? Id,
    EntryStatus Status,
    string? OldPath,
    string? NewPath,
    Contract? Old,
    Contract? New,
    ContractDiff? Diff,
    Verdict? Verdict,
    ImmutableArray<VerdictFailure> Failures)
{
    public bool Passed => Failures.IsEmpty;

    public static DiffEntry Compared(string oldPath, string newPath, ContractDiff diff, Verdict verdict) =>
        new(diff.New.Id.Value, EntryStatus.Compared, oldPath, newPath, diff.Old, diff.New, diff, verdict, verdict.Failures);

    public static DiffEntry Added(string newPath, Contract contract) =>
        new(contract.Id.Value, EntryStatus.Added, null, newPath, null, contract, null, null, []);

    /// <summary>A contract whose files are byte-identical at the ref: there is nothing to compare, so it is not loaded.</summary>
    public static DiffEntry Unchanged(string oldPath, string newPath) =>
        new(null, EntryStatus.Unchanged, oldPath, newPath, null, null, null, null, []);

    /// <summary>A contract that disappeared: every consumer loses every dataset, unless it was retired first.</summary>
    public static DiffEntry Removed(string oldPath, Contract contract) =>
        new(contract.Id.Value, EntryStatus.Removed, oldPath, null, contract, null, null, null,
            contract.Status == ContractStatus.Retired ? [] :
            [new VerdictFailure("contract-removed", $"{contract.Id} {contract.Version} was removed while {contract.Status.ToString().ToLowerInvariant()}; retire it first (status: retired) so consumers are told")]);
}

/// <summary>Every contract a diff looked at.</summary>
/// <param name="Entries">In path order.</param>
/// <param name="Notes">Things the reader should know about how the comparison was made.</param>
internal sealed record DiffReport(ImmutableArray<DiffEntry> Entries, ImmutableArray<string> Notes)
{
    public int Failed => Entries.Count(e => !e.Passed);

    public int Breaking => Entries.Sum(e => e.Diff is { } diff ? diff.Changes.Count(diff.IsBreaking) : 0);

    public ExitCode ExitCode => Failed > 0 ? ExitCode.Findings : ExitCode.Ok;
}
