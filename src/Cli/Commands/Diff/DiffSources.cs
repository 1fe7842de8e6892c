using System.Collections.Immutable;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>
/// Two of the three ways to name what to compare: two files, or a folder of versions side by side
/// (the third, the working tree against a git ref, is <see cref="GitBaseDiff"/>). Both sides load
/// with the one loader.
/// </summary>
internal static class DiffSources
{
    /// <summary><c>contractkit diff OLD NEW</c>.</summary>
    public static async Task<DiffReport> FilesAsync(string oldPath, string newPath, CancellationToken cancellationToken)
    {
        var old = await LoadAsync(oldPath, "OLD", cancellationToken);
        var @new = await LoadAsync(newPath, "NEW", cancellationToken);
        RequireSameId(oldPath, old, newPath, @new);
        var diff = ContractDiff.Compare(old, @new);
        var notes = @new.Compatibility.Transitive
            ? ImmutableArray.Create($"{@new.Compatibility}: only the one earlier version given was checked; put the versions side by side in a folder (contractkit diff FOLDER) to check every earlier one")
            : [];
        return new DiffReport([DiffEntry.Compared(oldPath, newPath, diff, Verdict.Judge(diff))], notes);
    }

    /// <summary><c>contractkit diff FOLDER</c>: the newest version against the one before it, and against every earlier one for _transitive modes.</summary>
    public static async Task<DiffReport> FolderAsync(string folder, CancellationToken cancellationToken)
    {
        var versions = await VersionFolder.LoadAsync(folder, cancellationToken);
        if (versions.Count < 2)
        {
            throw new InputException($"'{folder}' holds {versions.Count} version{(versions.Count == 1 ? "" : "s")}; a diff needs two (e.g. 1.4.0.yaml and 2.0.0.yaml)");
        }

        var (previous, latest) = (versions[^2], versions[^1]);
        var diff = ContractDiff.Compare(previous.Contract, latest.Contract);
        var earlier = versions.SkipLast(2).Select(v => ContractDiff.Compare(v.Contract, latest.Contract)).ToList();
        var notes = latest.Contract.Compatibility.Transitive
            ? ImmutableArray.Create($"{latest.Contract.Compatibility}: checked against {earlier.Count + 1} earlier version{(earlier.Count == 0 ? "" : "s")}")
            : [];
        return new DiffReport([DiffEntry.Compared(previous.Path, latest.Path, diff, Verdict.Judge(diff, earlier))], notes);
    }

    private static async Task<Contract> LoadAsync(string path, string role, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{role} '{path}' is a folder; name two contract files, or one folder of versions (contractkit diff FOLDER)");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{role} '{path}' does not exist");
        }

        var result = await ContractLoader.LoadFileAsync(path, cancellationToken);
        return result.Contract ?? throw VersionFolder.NotLinting($"{role} {path}", result.Diagnostics);
    }

    internal static void RequireSameId(string oldPath, Contract old, string newPath, Contract @new)
    {
        if (old.Id != @new.Id)
        {
            throw new InputException($"{oldPath} is contract '{old.Id}' and {newPath} is '{@new.Id}'; diff compares two versions of one contract (same id)");
        }
    }
}
