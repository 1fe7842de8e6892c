using System.Collections.Immutable;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Datasets;

/// <summary>One set of records a source offers, with everything promised about it.</summary>
public sealed record Dataset
{
    /// <summary>Unique name inside the contract.</summary>
    public required string Name { get; init; }

    /// <summary>What the records are, for people.</summary>
    public string? Description { get; init; }

    /// <summary>Where the records are, in the source's own terms.</summary>
    public required DatasetLocation Location { get; init; }

    /// <summary>The JSON Schema of one record.</summary>
    public required DatasetSchema Schema { get; init; }

    /// <summary>The fields that identify a record; empty when none is declared.</summary>
    public ImmutableArray<FieldPath> Key { get; init; } = [];

    /// <summary>The field with the record's event time; drives freshness, volume and lateness.</summary>
    public FieldPath? EventTime { get; init; }

    /// <summary>How old the newest record may be.</summary>
    public Freshness? Freshness { get; init; }

    /// <summary>How many records arrive per window.</summary>
    public Volume? Volume { get; init; }

    /// <summary>Quality checks, in the order written.</summary>
    public ImmutableArray<QualityCheck> Quality { get; init; } = [];

    /// <summary>Change-data-capture health, for PostgreSQL tables replicated through a slot.</summary>
    public Cdc? Cdc { get; init; }

    /// <summary>The JSON Pointer of the dataset in its contract (<c>/datasets/0</c>).</summary>
    public required string Pointer { get; init; }
}

/// <summary>How old the newest record may be before it is a warning or a failure.</summary>
/// <param name="Warn">Age from which a probe warns.</param>
/// <param name="Fail">Age from which a probe fails.</param>
public sealed record Freshness(Duration? Warn, Duration? Fail);

/// <summary>How many records arrive per window.</summary>
/// <param name="Per">The window.</param>
/// <param name="Min">Fewest records expected per window.</param>
/// <param name="Max">Most records expected per window.</param>
/// <param name="Anomaly">Detection against history, when configured.</param>
public sealed record Volume(Duration Per, long? Min, long? Max, VolumeAnomaly? Anomaly);

/// <summary>Flags a window whose count departs from history.</summary>
/// <param name="Lookback">How much history to compare with.</param>
/// <param name="Tolerance">How many standard deviations count as normal.</param>
public sealed record VolumeAnomaly(Duration Lookback, double Tolerance);

/// <summary>Health of a PostgreSQL logical replication slot feeding the consumer.</summary>
/// <param name="Slot">The replication slot's name.</param>
/// <param name="MaxLag">Lag from which the check fails.</param>
/// <param name="WarnLag">Lag from which the check warns.</param>
public sealed record Cdc(string Slot, ByteSize MaxLag, ByteSize? WarnLag);
