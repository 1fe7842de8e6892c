using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Linting.Advice;

/// <summary>Without a key, duplicates cannot be found and ingestion cannot upsert.</summary>
internal sealed class NoKeyRule : ILintRule
{
    public Rule Rule => Rules.NoKey;

    public IEnumerable<Diagnostic> Check(Contract contract) =>
        contract.Datasets
            .Where(d => d.Key.IsEmpty)
            .Select(d => Diagnostic.Create(Rule, contract.Document.SpanOf(d.Pointer + "/name"),
                $"dataset '{d.Name}' declares no key; duplicates cannot be detected"));
}
