using System.Collections.Concurrent;
using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Loading;

namespace ContractKit.Contracts.Linting;

/// <summary>The findings for one file.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Result">How it loaded.</param>
/// <param name="Diagnostics">Load findings plus advice, in file order.</param>
public sealed record LintedFile(string Path, LoadResult Result, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>The result of linting a set of files.</summary>
/// <param name="Files">Each file, in path order.</param>
/// <param name="Missing">Paths that did not exist.</param>
public sealed record LintReport(ImmutableArray<LintedFile> Files, ImmutableArray<string> Missing)
{
    /// <summary>All findings.</summary>
    public IEnumerable<Diagnostic> Diagnostics => Files.SelectMany(f => f.Diagnostics);

    /// <summary>Number of errors.</summary>
    public int Errors => Diagnostics.Count(d => d.IsError);

    /// <summary>Number of warnings.</summary>
    public int Warnings => Diagnostics.Count(d => !d.IsError);

    /// <summary>True when a path was missing or a file could not be read.</summary>
    public bool HasIoFailure => !Missing.IsEmpty || Files.Any(f => f.Result.IsIoFailure);
}

/// <summary>Loads contracts and runs the advice rules on those that load.</summary>
public static class ContractLinter
{
    /// <summary>Lints the contracts found under <paramref name="paths"/>, in parallel.</summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<LintReport> LintAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var discovered = ContractFiles.Discover(paths);
        var results = new ConcurrentDictionary<string, LoadResult>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(discovered.Files, new ParallelOptions { CancellationToken = cancellationToken }, async (file, token) =>
        {
            results[file] = await ContractLoader.LoadFileAsync(file, token).ConfigureAwait(false);
        }).ConfigureAwait(false);

        // A file another contract $refs is a schema, not a contract, whatever its name.
        var referenced = results.Values
            .Where(r => r.Contract is not null)
            .SelectMany(r => r.Contract!.Datasets
                .SelectMany(d => d.Schema.Documents.Keys)
                .Select(uri => uri.LocalPath)
                .Where(path => path != r.Contract.Document.FullPath))
            .ToHashSet(StringComparer.Ordinal);

        var files = discovered.Files
            .Where(f => !referenced.Contains(Path.GetFullPath(f)) || IsNamedExplicitly(f, paths))
            .Select(f => Lint(results[f]))
            .ToImmutableArray();
        return new LintReport(files, discovered.Missing);
    }

    private static bool IsNamedExplicitly(string file, IEnumerable<string> paths) => paths.Contains(file, StringComparer.Ordinal);

    /// <summary>Adds advice to one load result.</summary>
    public static LintedFile Lint(LoadResult result)
    {
        if (result.Contract is not { } contract)
        {
            return new LintedFile(result.Path, result, result.Diagnostics);
        }

        var advice = LintRules.All.SelectMany(rule => rule.Check(contract));
        return new LintedFile(result.Path, result, ContractLoader.Sort(result.Diagnostics.Concat(advice)));
    }
}
