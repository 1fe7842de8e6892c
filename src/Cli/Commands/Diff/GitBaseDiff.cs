using System.Text;
using ContractKit.Cli.Git;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>
/// <c>contractkit diff --base REF [PATH…]</c>: each contract in the working tree against its own
/// content at REF, read with git. A contract new in the working tree is "added", one gone from it
/// "removed"; files identical at REF are "unchanged" and not compared.
/// </summary>
/// <remarks>
/// When every YAML or JSON file git reports as changed is a contract among the compared paths,
/// only those contracts are loaded, and their REF versions are read with one <c>git cat-file</c>;
/// their <c>$ref</c>s resolve against the working tree, which is identical to REF for every other
/// document. Otherwise (a schema file changed) every contract is loaded and the REF tree is
/// extracted with <c>git archive</c>, so each contract that reaches the changed file is compared
/// with its schemas as they were. <c>$ref</c>s are followed within the top folders compared.
/// </remarks>
internal static class GitBaseDiff
{
    public static async Task<DiffReport> RunAsync(string reference, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var anchor = paths.Select(Path.GetFullPath).FirstOrDefault(p => Directory.Exists(p) || File.Exists(p)) is { } first
            ? Directory.Exists(first) ? first : Path.GetDirectoryName(first)!
            : Directory.GetCurrentDirectory();
        var repository = await GitRepository.OpenAsync(anchor, cancellationToken);
        var commit = await repository.ResolveCommitAsync(reference, cancellationToken);
        var relative = paths.Select(p => ToRepositoryPath(repository, p)).ToList();
        var listing = repository.ListFilesAsync(commit, relative.Select(r => r.Length == 0 ? "." : r), cancellationToken);
        var changing = repository.ChangedFilesAsync(commit, ["."], cancellationToken);
        var before = (await listing).ToHashSet(StringComparer.Ordinal);
        var changed = await changing;
        var existing = paths.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        if (paths.Except(existing).FirstOrDefault(p => !before.Any(f => IsUnder(f, ToRepositoryPath(repository, p)))) is { } missing)
        {
            throw new InputException($"'{missing}' exists neither in the working tree nor at {reference}");
        }

        var shortcut = changed.Where(IsDocument).All(f => IsContractFile(f) && relative.Any(r => IsUnder(f, r)))
            ? await LoadChangedAsync(repository, changed, existing, cancellationToken)
            : null;
        if (shortcut is { } loaded)
        {
            var texts = await repository.ReadFilesAsync(commit, [.. changed.Where(f => before.Contains(f) && IsContractFile(f)).Order(StringComparer.Ordinal)], cancellationToken);
            var side = new BlobSide(repository, reference, texts);
            return await CompareAsync(repository, reference, before, loaded.Contracts, loaded.Unchanged, side, cancellationToken);
        }

        var report = await ContractLinter.LintAsync(existing, cancellationToken);
        VersionFolder.RequireLinting(report, "the working tree's");
        using var scratch = await ScratchSide.CreateAsync(repository, commit, reference, before, cancellationToken);
        return await CompareAsync(repository, reference, before, [.. report.Files.Select(f => (f.Path, f.Result.Contract!))], [], scratch, cancellationToken);
    }

    /// <summary>The changed contract files, loaded; null when one of them does not load as a contract (then every contract is loaded).</summary>
    private static async Task<(List<(string Path, Contract Contract)> Contracts, List<string> Unchanged)?> LoadChangedAsync(
        GitRepository repository, HashSet<string> changed, List<string> existing, CancellationToken cancellationToken)
    {
        var candidates = ContractFiles.Discover(existing).Files;
        var load = candidates.Where(f => changed.Contains(ToRepositoryPath(repository, f))).ToList();
        var results = new LoadResult[load.Count];
        await Parallel.ForAsync(0, load.Count, cancellationToken, async (i, token) => results[i] = await ContractLoader.LoadFileAsync(load[i], token));
        return results.All(r => r.Contract is not null)
            ? ([.. load.Zip(results, (path, result) => (path, result.Contract!))], [.. candidates.Except(load)])
            : null;
    }

    private static async Task<DiffReport> CompareAsync(GitRepository repository, string reference, HashSet<string> before,
        List<(string Path, Contract Contract)> current, List<string> unchanged, IBaseSide side, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var entries = new DiffEntry[current.Count];
        await Parallel.ForAsync(0, current.Count, cancellationToken, async (i, token) =>
        {
            var (file, @new) = current[i];
            var path = ToRepositoryPath(repository, file);
            var oldPath = $"{reference}:{path}";
            if (!before.Contains(path))
            {
                entries[i] = DiffEntry.Added(file, @new);
            }
            else if (await side.UnchangedAsync(@new, token))
            {
                entries[i] = DiffEntry.Unchanged(oldPath, file);
            }
            else if ((await side.LoadAsync(path, token)).Contract is not { } old)
            {
                lock (notes)
                {
                    notes.Add($"{oldPath} does not lint, so {file} is treated as added: there is nothing sound to compare with");
                }

                entries[i] = DiffEntry.Added(file, @new);
            }
            else
            {
                DiffSources.RequireSameId(oldPath, old, file, @new);
                var diff = ContractDiff.Compare(old, @new);
                entries[i] = DiffEntry.Compared(oldPath, file, diff, Verdict.Judge(diff));
            }
        });

        var all = entries.Concat(unchanged.Select(f => DiffEntry.Unchanged($"{reference}:{ToRepositoryPath(repository, f)}", f))).ToList();
        var seen = current.Select(c => c.Path).Concat(unchanged).Select(f => ToRepositoryPath(repository, f)).ToHashSet(StringComparer.Ordinal);

        // Contracts that were there at REF and are gone now (files that do not load as contracts were schemas).
        foreach (var path in before.Where(f => !seen.Contains(f) && IsContractFile(f) && !File.Exists(Path.Combine(repository.Root, f))).Order(StringComparer.Ordinal))
        {
            if ((await side.LoadAsync(path, cancellationToken)).Contract is { } removed)
            {
                all.Add(DiffEntry.Removed($"{reference}:{path}", removed));
            }
        }

        if (all.Any(e => e.Status == EntryStatus.Compared && e.New!.Compatibility.Transitive))
        {
            notes.Add("_transitive modes were checked against the version at the base ref only; diff a folder of versions to check every earlier one");
        }

        return new DiffReport([.. all.OrderBy(e => e.NewPath ?? e.OldPath, StringComparer.Ordinal)], [.. notes]);
    }

    /// <summary>Where the REF versions come from.</summary>
    private interface IBaseSide
    {
        Task<LoadResult> LoadAsync(string path, CancellationToken cancellationToken);

        Task<bool> UnchangedAsync(Contract contract, CancellationToken cancellationToken);
    }

    /// <summary>REF versions read as text; their references resolve in the working tree, identical to REF here.</summary>
    private sealed class BlobSide(GitRepository repository, string reference, Dictionary<string, byte[]> texts) : IBaseSide
    {
        public Task<LoadResult> LoadAsync(string path, CancellationToken cancellationToken) =>
            ContractLoader.LoadTextAsync(Encoding.UTF8.GetString(texts[path]), $"{reference}:{path}", Path.Combine(repository.Root, path), cancellationToken);

        // Only changed files are loaded on this side.
        public Task<bool> UnchangedAsync(Contract contract, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    /// <summary>The REF tree extracted into a scratch folder, so references resolve to the schema files of REF.</summary>
    private sealed class ScratchSide : IBaseSide, IDisposable
    {
        private readonly GitRepository _repository;
        private readonly string _reference;
        private readonly DirectoryInfo _folder;

        private ScratchSide(GitRepository repository, string reference, DirectoryInfo folder) => (_repository, _reference, _folder) = (repository, reference, folder);

        public static async Task<ScratchSide> CreateAsync(GitRepository repository, string commit, string reference, HashSet<string> before, CancellationToken cancellationToken)
        {
            var side = new ScratchSide(repository, reference, Directory.CreateTempSubdirectory("contractkit-diff-"));
            await repository.ExtractAsync(commit, [.. before.Select(f => f.Split('/')[0]).Distinct(StringComparer.Ordinal)], side._folder.FullName, cancellationToken);
            return side;
        }

        public async Task<LoadResult> LoadAsync(string path, CancellationToken cancellationToken)
        {
            var fullPath = Path.Combine(_folder.FullName, path);
            return await ContractLoader.LoadTextAsync(await File.ReadAllTextAsync(fullPath, cancellationToken), $"{_reference}:{path}", fullPath, cancellationToken);
        }

        /// <summary>True when the contract file and every schema file it reaches are byte-identical at REF.</summary>
        public async Task<bool> UnchangedAsync(Contract contract, CancellationToken cancellationToken)
        {
            var files = contract.Datasets.SelectMany(d => d.Schema.Documents.Values.Select(s => s.Source.FullPath)).Append(contract.Document.FullPath).Distinct(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var then = Path.Combine(_folder.FullName, Path.GetRelativePath(_repository.Root, file));
                if (!File.Exists(then) || !Same(await File.ReadAllBytesAsync(then, cancellationToken), await File.ReadAllBytesAsync(file, cancellationToken)))
                {
                    return false;
                }
            }

            return true;
        }

        public void Dispose() => _folder.Delete(recursive: true);

        private static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);
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

    private static bool IsDocument(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsContractFile(string path) =>
        IsDocument(path) && !path.Contains(".schema.", StringComparison.OrdinalIgnoreCase) && !path.Split('/').Any(s => s.StartsWith('.'));
}
