using System.Collections.Immutable;
using ContractKit.Contracts.Model.Sources;

namespace ContractKit.Probes.Results;

/// <summary>Everything one probe run of one contract found.</summary>
/// <param name="ContractId">The contract's id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Title">Its title.</param>
/// <param name="SourceKind">The kind of source probed.</param>
/// <param name="StartedAt">When the run started (the probing machine's clock).</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Results">Every check's result, dataset by dataset in contract order.</param>
public sealed record ProbeReport(string ContractId, string Version, string Title, SourceKind SourceKind, DateTimeOffset StartedAt, TimeSpan Duration, ImmutableArray<CheckResult> Results)
{
    /// <summary>The worst status of any check (Pass when there are none).</summary>
    public CheckStatus Status => Results.IsEmpty ? CheckStatus.Pass : Results.Max(r => r.Status);
}
