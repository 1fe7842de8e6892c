using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Loading;

/// <summary>
/// Turns a contract file into a <see cref="Model.Contract"/>: reads the YAML (or JSON), checks its
/// structure against the published format schema, then parses every value into its domain type
/// and checks the rules that tie values together. Bad input never throws: it comes back as
/// diagnostics with file, line and column. Secret references are parsed, never resolved.
/// </summary>
public static class ContractLoader
{
    /// <summary>Loads a contract file.</summary>
    /// <param name="path">The path as the user wrote it; findings print it unchanged.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task<LoadResult> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var read = await DocumentReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        return read.Document is null
            ? new LoadResult(path, null, read.Diagnostics)
            : await LoadAsync(read.Document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads contract text that is already in memory (git blobs, tests).</summary>
    /// <param name="text">The contract's text.</param>
    /// <param name="path">The path to show in findings.</param>
    /// <param name="fullPath">The absolute path relative references resolve against.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task<LoadResult> LoadTextAsync(string text, string path, string fullPath, CancellationToken cancellationToken = default)
    {
        var read = DocumentReader.Read(text, path, fullPath);
        return read.Document is null
            ? new LoadResult(path, null, read.Diagnostics)
            : await LoadAsync(read.Document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a document that has been read already.</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task<LoadResult> LoadAsync(SourceDocument document, CancellationToken cancellationToken = default)
    {
        if (document.Root is not MappingNode)
        {
            var diagnostic = Diagnostic.Create(Rules.WrongType, document.Root.Span,
                $"a contract is a mapping of keys (apiVersion, id, …), not {(document.Root.JsonTypeName is "array" or "object" ? "an " : "a ")}{document.Root.JsonTypeName}",
                "start from an example in contracts/");
            return new LoadResult(document.Path, null, [diagnostic]);
        }

        var (diagnostics, broken) = StructuralCheck.Run(document);
        var context = new BindContext(document, broken, diagnostics);
        var contract = await ContractBinder.BindAsync(context, cancellationToken).ConfigureAwait(false);

        // A contract is only handed out when nothing is wrong with it. The reverse guard: a binder
        // that gave up must have said why.
        if (contract is null && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, document.Root.Span,
                "the contract could not be read, and no rule explains why; please report this with the file"));
        }

        var sorted = Sort(diagnostics);
        return new LoadResult(document.Path, sorted.Any(d => d.IsError) ? null : contract, sorted);
    }

    internal static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start.Line)
            .ThenBy(d => d.Span.Start.Column)
            .ThenBy(d => d.Rule.Id, StringComparer.Ordinal),
    ];
}
