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
    /// <summary>Facts the sources reported beside the results (pages read, a walk cut short, a table-size estimate).</summary>
    public ImmutableArray<DatasetNote> Notes { get; init; } = [];

    /// <summary>The worst status of any check (Pass when there are none).</summary>
    public CheckStatus Status => Results.IsEmpty ? CheckStatus.Pass : Results.Max(r => r.Status);
}

/// <summary>A fact a source reported about a dataset, beside the check results.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Text">The fact.</param>
public sealed record DatasetNote(string Dataset, string Text);
