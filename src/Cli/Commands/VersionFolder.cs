using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands;

/// <summary>
/// A folder that holds versions of one contract side by side (<c>1.4.0.yaml</c>, <c>2.0.0.yaml</c>):
/// what <c>diff FOLDER</c> compares and what <c>docs</c> builds its changelog from.
/// </summary>
internal static class VersionFolder
{
    /// <summary>The versions in the folder, oldest first; every file must lint and hold the same contract.</summary>
    /// <exception cref="InputException">A file does not lint, the folder mixes contracts, or a version repeats.</exception>
    public static async Task<IReadOnlyList<(string Path, Contract Contract)>> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var report = await ContractLinter.LintAsync([folder], cancellationToken);
        RequireLinting(report, "the folder's");
        var versions = report.Files.Select(f => (f.Path, Contract: f.Result.Contract!)).OrderBy(v => v.Contract.Version).ToList();
        var ids = versions.Select(v => v.Contract.Id.Value).Distinct().ToList();
        if (ids.Count > 1)
        {
            throw new InputException($"'{folder}' holds versions of {ids.Count} contracts ({string.Join(", ", ids)}); a folder of versions holds one contract");
        }

        if (versions.GroupBy(v => v.Contract.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InputException($"{string.Join(" and ", twice.Select(v => v.Path))} both say version {twice.Key}; each version is one file");
        }

        return versions;
    }

    /// <summary>Throws when a path was missing or a contract did not load.</summary>
    public static void RequireLinting(LintReport report, string side)
    {
        if (!report.Missing.IsEmpty)
        {
            throw new InputException($"'{report.Missing[0]}' does not exist");
        }

        var broken = report.Files.Where(f => f.Result.Contract is null).ToList();
        if (broken.Count > 0)
        {
            throw NotLinting($"{side} {string.Join(", ", broken.Select(f => f.Path))}", [.. broken.SelectMany(f => f.Result.Diagnostics)]);
        }
    }

    /// <summary>The error for a contract that does not lint, with its error findings.</summary>
    public static InputException NotLinting(string what, ImmutableArray<Diagnostic> diagnostics) =>
        new($"{what} does not lint, so it cannot be compared (contractkit lint shows the same findings)", [.. diagnostics.Where(d => d.IsError)]);
}
