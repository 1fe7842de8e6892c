using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Contracts.Linting.Advice;

/// <summary>Without event time, freshness and volume cannot be measured.</summary>
internal sealed class NoEventTimeRule : ILintRule
{
    public Rule Rule => Rules.NoEventTime;

    public IEnumerable<Diagnostic> Check(Contract contract) =>
        contract.Datasets
            .Where(d => d.EventTime is null && d.Location is not FilesLocation { FreshnessFrom: FreshnessBasis.ModifiedTime })
            .Select(d => Diagnostic.Create(Rule, contract.Document.SpanOf(d.Pointer + "/name"),
                $"dataset '{d.Name}' declares no eventTime; its freshness and volume cannot be measured"));
}
