using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Documentation;

/// <summary>
/// The negotiation document of a contract — what a source team reads to agree: owner and
/// consumers, a field table per dataset, freshness, volume and service levels in sentences,
/// quality rules, and the changelog between versions with breaking changes first.
/// </summary>
public static class ContractDocs
{
    /// <summary>The document as Markdown.</summary>
    /// <param name="contract">The version to document.</param>
    /// <param name="earlierVersions">Earlier versions of the same contract, in any order, for the changelog (later ones are ignored).</param>
    /// <exception cref="ArgumentException">An earlier version is another contract.</exception>
    public static string ToMarkdown(Contract contract, IEnumerable<Contract> earlierVersions) =>
        MarkdownPage.Render(ContractPage.Build(contract, earlierVersions));

    /// <summary>The document as one self-contained HTML file: inline CSS, no scripts, nothing fetched; readable on screen and printable.</summary>
    /// <param name="contract">The version to document.</param>
    /// <param name="earlierVersions">Earlier versions of the same contract, for the changelog.</param>
    /// <exception cref="ArgumentException">An earlier version is another contract.</exception>
    public static string ToHtml(Contract contract, IEnumerable<Contract> earlierVersions) =>
        HtmlPage.Render(ContractPage.Build(contract, earlierVersions));
}
