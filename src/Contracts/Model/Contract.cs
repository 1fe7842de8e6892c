using System.Collections.Immutable;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model;

/// <summary>
/// A data contract: what a source promises about its records, freshness, volume and service
/// levels. Built only by <see cref="Loading.ContractLoader"/>, so every value in it is valid.
/// </summary>
public sealed record Contract
{
    /// <summary>The only format version this library reads.</summary>
    public const string ApiVersion = "contractkit/v1";

    /// <summary>Stable identity across versions.</summary>
    public required ContractId Id { get; init; }

    /// <summary>The contract's version; a breaking change needs a new major.</summary>
    public required SemVersion Version { get; init; }

    /// <summary>Where the contract is in its life.</summary>
    public required ContractStatus Status { get; init; }

    /// <summary>A human title.</summary>
    public required string Title { get; init; }

    /// <summary>What the source is, for people.</summary>
    public string? Description { get; init; }

    /// <summary>Who answers for the source.</summary>
    public required Owner Owner { get; init; }

    /// <summary>Who relies on it, and for what.</summary>
    public ImmutableArray<Consumer> Consumers { get; init; } = [];

    /// <summary>The compatibility promise between versions.</summary>
    public required CompatibilityMode Compatibility { get; init; }

    /// <summary>The system the records come from.</summary>
    public required Sources.SourceDefinition Source { get; init; }

    /// <summary>The record sets the source offers (at least one).</summary>
    public required ImmutableArray<Datasets.Dataset> Datasets { get; init; }

    /// <summary>Service levels, when promised.</summary>
    public ServiceLevels.ServiceLevelObjectives? Sla { get; init; }

    /// <summary>How and when to probe the source, when configured.</summary>
    public Probing.ProbeSettings? Probe { get; init; }

    /// <summary>How to simulate the source, when configured.</summary>
    public Simulation.SimulationSettings? Simulation { get; init; }

    /// <summary>The file the contract was read from, for positions of any node.</summary>
    public required SourceDocument Document { get; init; }

    /// <summary>The folder relative paths in the contract are resolved against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Document.FullPath) ?? ".";

    /// <summary>The dataset called <paramref name="name"/>, or null.</summary>
    public Datasets.Dataset? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);
}

/// <summary>Where a contract is in its life.</summary>
public enum ContractStatus
{
    /// <summary>Being written; promises nothing yet.</summary>
    Draft,

    /// <summary>Offered to the source team; not yet agreed.</summary>
    Proposed,

    /// <summary>Agreed and enforced.</summary>
    Active,

    /// <summary>Still served, to be retired; consumers should move.</summary>
    Deprecated,

    /// <summary>No longer served.</summary>
    Retired,
}

/// <summary>The team that answers for the source.</summary>
/// <param name="Team">Team name.</param>
/// <param name="Contact">Chat channel or on-call alias.</param>
/// <param name="Email">E-mail address.</param>
public sealed record Owner(string Team, string? Contact, string? Email);

/// <summary>A team that relies on the source.</summary>
/// <param name="Team">Team name.</param>
/// <param name="Purpose">What they use it for.</param>
public sealed record Consumer(string Team, string? Purpose);

/// <summary>Which consumers a new version must keep working for.</summary>
public enum CompatibilityDirection
{
    /// <summary>Consumers on the new version can read data produced under the old one.</summary>
    Backward,

    /// <summary>Consumers on the old version keep working on data produced under the new one.</summary>
    Forward,

    /// <summary>Both backward and forward.</summary>
    Full,

    /// <summary>No promise.</summary>
    None,
}

/// <summary>A compatibility promise: a direction, checked against the last version or every earlier one.</summary>
/// <param name="Direction">Which consumers are protected.</param>
/// <param name="Transitive">True to check against every earlier version, not only the last.</param>
public sealed record CompatibilityMode(CompatibilityDirection Direction, bool Transitive)
{
    /// <summary>The default promise of a source: forward, against the last version.</summary>
    public static CompatibilityMode Default { get; } = new(CompatibilityDirection.Forward, false);

    /// <summary>As written: <c>forward</c>, <c>full_transitive</c>.</summary>
    public override string ToString() =>
        Direction.ToString().ToLowerInvariant() + (Transitive ? "_transitive" : "");
}
