using System.Collections.Immutable;
using ContractKit.Cli.Git;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>
/// The three ways to name what to compare: two files, a folder of versions side by side, or the
/// working tree against a git ref. Each loads both sides with the one loader and returns a report.
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

    /// <summary><c>contractkit diff --base REF [PATH…]</c>: each contract in the working tree against its own content at REF.</summary>
    public static async Task<DiffReport> GitBaseAsync(string reference, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var anchor = paths.Select(Path.GetFullPath).FirstOrDefault(p => Directory.Exists(p) || File.Exists(p)) is { } first
            ? Directory.Exists(first) ? first : Path.GetDirectoryName(first)!
            : Directory.GetCurrentDirectory();
        var repository = await GitRepository.OpenAsync(anchor, cancellationToken);
        var commit = await repository.ResolveCommitAsync(reference, cancellationToken);
        var relative = paths.Select(p => ToRepositoryPath(repository, p)).ToList();
        var before = (await repository.ListFilesAsync(commit, relative.Select(r => r.Length == 0 ? "." : r), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var existing = paths.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        var missing = paths.Except(existing).Where(p => !before.Any(f => IsUnder(f, ToRepositoryPath(repository, p)))).ToList();
        if (missing.Count > 0)
        {
            throw new InputException($"'{missing[0]}' exists neither in the working tree nor at {reference}");
        }

        var report = await ContractLinter.LintAsync(existing, cancellationToken);
        VersionFolder.RequireLinting(report, "the working tree's");

        var scratch = Directory.CreateTempSubdirectory("contractkit-diff-");
        try
        {
            await repository.ExtractAsync(commit, [.. before.Select(f => f.Split('/')[0]).Distinct(StringComparer.Ordinal)], scratch.FullName, cancellationToken);
            var entries = new List<DiffEntry>();
            var notes = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in report.Files)
            {
                var @new = file.Result.Contract!;
                var path = ToRepositoryPath(repository, file.Path);
                seen.Add(path);
                if (!before.Contains(path))
                {
                    entries.Add(DiffEntry.Added(file.Path, @new));
                    continue;
                }

                var oldPath = $"{reference}:{path}";
                if (await UnchangedAsync(repository, @new, scratch.FullName, cancellationToken))
                {
                    entries.Add(DiffEntry.Unchanged(oldPath, file.Path, @new));
                    continue;
                }

                var old = await LoadAtAsync(scratch.FullName, path, oldPath, cancellationToken);
                if (old.Contract is null)
                {
                    notes.Add($"{oldPath} does not lint, so {file.Path} is treated as added: there is nothing sound to compare with");
                    entries.Add(DiffEntry.Added(file.Path, @new));
                    continue;
                }

                RequireSameId(oldPath, old.Contract, file.Path, @new);
                var diff = ContractDiff.Compare(old.Contract, @new);
                entries.Add(DiffEntry.Compared(oldPath, file.Path, diff, Verdict.Judge(diff)));
            }

            // Contracts that were there at REF and are gone now (schema files that fail to load as contracts are not contracts).
            foreach (var path in before.Where(f => !seen.Contains(f) && IsContractFile(f) && !File.Exists(Path.Combine(repository.Root, f))).Order(StringComparer.Ordinal))
            {
                if ((await LoadAtAsync(scratch.FullName, path, $"{reference}:{path}", cancellationToken)).Contract is { } removed)
                {
                    entries.Add(DiffEntry.Removed($"{reference}:{path}", removed));
                }
            }

            if (entries.Any(e => e.New?.Compatibility.Transitive == true && e.Status == EntryStatus.Compared))
            {
                notes.Add("_transitive modes were checked against the version at the base ref only; diff a folder of versions to check every earlier one");
            }

            return new DiffReport([.. entries], [.. notes]);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
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

    private static async Task<LoadResult> LoadAtAsync(string scratch, string path, string shownAs, CancellationToken cancellationToken)
    {
        var fullPath = Path.Combine(scratch, path);
        var text = await File.ReadAllTextAsync(fullPath, cancellationToken);
        return await ContractLoader.LoadTextAsync(text, shownAs, fullPath, cancellationToken);
    }

    /// <summary>True when the contract file and every schema file it reaches are byte-identical at the base.</summary>
    private static async Task<bool> UnchangedAsync(GitRepository repository, Contract contract, string scratch, CancellationToken cancellationToken)
    {
        var files = contract.Datasets.SelectMany(d => d.Schema.Documents.Values.Select(s => s.Source.FullPath)).Append(contract.Document.FullPath).Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var before = Path.Combine(scratch, Path.GetRelativePath(repository.Root, file));
            if (!File.Exists(before))
            {
                return false;
            }

            var (then, now) = (await File.ReadAllBytesAsync(before, cancellationToken), await File.ReadAllBytesAsync(file, cancellationToken));
            if (!then.AsSpan().SequenceEqual(now))
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireSameId(string oldPath, Contract old, string newPath, Contract @new)
    {
        if (old.Id != @new.Id)
        {
            throw new InputException($"{oldPath} is contract '{old.Id}' and {newPath} is '{@new.Id}'; diff compares two versions of one contract (same id)");
        }
    }

    private static string ToRepositoryPath(GitRepository repository, string path)
    {
        var relative = Path.GetRelativePath(repository.Root, Path.GetFullPath(path));
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new InputException($"'{path}' is outside the git repository at {repository.Root}");
        }

        return relative == "." ? "" : relative.Replace('\\', '/');
    }

    private static bool IsUnder(string file, string folder) => folder.Length == 0 || file == folder || file.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static bool IsContractFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) &&
        !path.Contains(".schema.", StringComparison.OrdinalIgnoreCase) && !path.Split('/').Any(s => s.StartsWith('.'));
}
