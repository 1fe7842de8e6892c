namespace ContractKit.Contracts.Diagnostics;

/// <summary>A rule the tools enforce, with a stable id that findings, docs and suppressions use.</summary>
/// <param name="Id">Stable kebab-case id, e.g. <c>threshold-order</c>.</param>
/// <param name="DefaultSeverity">The severity of its findings.</param>
/// <param name="Summary">What the rule checks, for the rule table.</param>
/// <param name="Hint">The default one-line fix.</param>
public sealed record Rule(string Id, Severity DefaultSeverity, string Summary, string Hint);
