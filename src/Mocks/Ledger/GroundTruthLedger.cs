using System.Collections.Concurrent;
using System.Text.Json;
using ContractKit.Contracts.Model.Simulation;

namespace ContractKit.Mocks.Ledger;

/// <summary>What became of a generated record.</summary>
public enum RecordFate
{
    /// <summary>Served: visible to clients from <see cref="LedgerRecord.VisibleAt"/> on.</summary>
    Served,

    /// <summary>Produced during an outage without backfill: never served.</summary>
    Lost,
}

/// <summary>One generated record as the simulator knows it, whatever a client received.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Key">Its key, as the key fields' values joined by <c>|</c>.</param>
/// <param name="EventTime">Its true event time (before any eventTimeSkew).</param>
/// <param name="VisibleAt">When it became visible, on the simulator's clock; null when lost.</param>
/// <param name="Sequence">Its position in the served feed; null when lost.</param>
/// <param name="Violation">The contract violation injected into it, if any.</param>
/// <param name="Copy">0 for the original, 1 for the duplicate the source serves again.</param>
/// <param name="Fate">Served or lost.</param>
public sealed record LedgerRecord(string Dataset, string Key, DateTimeOffset EventTime, DateTimeOffset? VisibleAt, long? Sequence, ViolationKind? Violation, int Copy, RecordFate Fate)
{
    /// <summary>True when a consumer should keep it: served, no violation (duplicates are the same record).</summary>
    public bool IsValid => Fate == RecordFate.Served && Violation is null;
}

/// <summary>One fault the simulator injected.</summary>
/// <param name="At">When, on the simulator's clock.</param>
/// <param name="Kind">What: <c>status 503</c>, <c>reset</c>, <c>hang</c>, <c>cut</c>, <c>refuse</c>, <c>rate-limit</c>, <c>token-expired</c>, <c>latency</c>, <c>expired-cursor</c>, <c>overlap</c>, <c>skip</c>.</param>
/// <param name="Request">The request it hit (<c>GET /v1/orders?cursor=…</c>), or empty for connection-level faults.</param>
/// <param name="Detail">More, for people.</param>
public sealed record LedgerFault(DateTimeOffset At, string Kind, string Request, string Detail)
{
    /// <summary>The <see cref="Kind"/> of the entry a profile switch writes: a moment in the run, not a fault.</summary>
    public const string ProfileSwitch = "profile";
}

/// <summary>
/// The ground truth of a simulation: every record generated (with its fate and any injected
/// violation) and every fault injected. Tests compare what an ingestion stored against it.
/// Thread-safe: the simulator writes while tests read snapshots.
/// </summary>
public sealed class GroundTruthLedger
{
    private readonly ConcurrentQueue<LedgerRecord> _records = new();
    private readonly ConcurrentQueue<LedgerFault> _faults = new();

    /// <summary>Every record so far, in the order it was served or lost.</summary>
    public IReadOnlyList<LedgerRecord> Records => [.. _records];

    /// <summary>Every fault so far, in order.</summary>
    public IReadOnlyList<LedgerFault> Faults => [.. _faults];

    internal void Add(LedgerRecord record) => _records.Enqueue(record);

    internal void Add(LedgerFault fault) => _faults.Enqueue(fault);

    /// <summary>The records of one dataset.</summary>
    public IEnumerable<LedgerRecord> For(string dataset) => _records.Where(r => r.Dataset == dataset);

    /// <summary>Writes the ledger as NDJSON: one line per record (<c>"type":"record"</c>) and per fault (<c>"type":"fault"</c>).</summary>
    public void WriteNdjson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream);
        foreach (var record in Records)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "record");
            writer.WriteString("dataset", record.Dataset);
            writer.WriteString("key", record.Key);
            writer.WriteString("eventTime", record.EventTime);
            if (record.VisibleAt is { } visible)
            {
                writer.WriteString("visibleAt", visible);
            }

            if (record.Sequence is { } sequence)
            {
                writer.WriteNumber("sequence", sequence);
            }

            writer.WriteString("fate", record.Fate == RecordFate.Served ? "served" : "lost");
            writer.WriteNumber("copy", record.Copy);
            writer.WriteString("violation", record.Violation is { } v ? JsonNamingPolicy.CamelCase.ConvertName(v.ToString()) : null);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }

        foreach (var fault in Faults)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "fault");
            writer.WriteString("at", fault.At);
            writer.WriteString("kind", fault.Kind);
            writer.WriteString("request", fault.Request);
            writer.WriteString("detail", fault.Detail);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
