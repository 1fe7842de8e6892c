using System.Collections.Immutable;
using System.Text;

namespace ContractKit.Mocks.Ledger;

/// <summary>How a sink compares with the valid records the source served.</summary>
/// <param name="Expected">Valid records served (each once).</param>
/// <param name="Missing">Valid records the sink lacks.</param>
/// <param name="Duplicated">Keys the sink holds more than once, with the count.</param>
/// <param name="Unexpected">Keys the sink holds that are not valid served records (violations, records never served).</param>
public sealed record SinkVerification(int Expected, ImmutableArray<string> Missing, ImmutableArray<(string Key, int Count)> Duplicated, ImmutableArray<string> Unexpected)
{
    /// <summary>True when the sink holds every valid record exactly once and nothing else.</summary>
    public bool Satisfied => Missing.IsEmpty && Duplicated.IsEmpty && Unexpected.IsEmpty;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder($"{Expected} valid records served");
        Append(text, "missing", Missing);
        Append(text, "held more than once", [.. Duplicated.Select(d => $"{d.Key} ×{d.Count}")]);
        Append(text, "not valid served records", Unexpected);
        return text.ToString();
    }

    internal static void Append(StringBuilder text, string label, ImmutableArray<string> keys)
    {
        if (!keys.IsEmpty)
        {
            text.Append($"; {keys.Length} {label}: {string.Join(", ", keys.Take(20))}{(keys.Length > 20 ? ", …" : "")}");
        }
    }
}

/// <summary>How an ingestion's rejected records compare with the violations the source injected.</summary>
/// <param name="Injected">Records served with a violation.</param>
/// <param name="Missed">Violating records the ingestion did not flag, with the violation.</param>
/// <param name="WronglyFlagged">Records flagged that carried no violation.</param>
public sealed record FlagVerification(int Injected, ImmutableArray<string> Missed, ImmutableArray<string> WronglyFlagged)
{
    /// <summary>True when every injected violation was flagged and nothing else.</summary>
    public bool Satisfied => Missed.IsEmpty && WronglyFlagged.IsEmpty;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder($"{Injected} records served with a violation");
        SinkVerification.Append(text, "not flagged", Missed);
        SinkVerification.Append(text, "flagged without a violation", WronglyFlagged);
        return text.ToString();
    }
}

/// <summary>The comparisons the assertions make.</summary>
public static class LedgerVerifications
{
    /// <summary>Compares the keys a sink holds with the valid records served so far.</summary>
    public static SinkVerification VerifySink(this GroundTruthLedger ledger, string dataset, IEnumerable<string> sinkKeys)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var records = ledger.For(dataset).Where(r => r.Fate == RecordFate.Served).ToList();
        var valid = records.Where(r => r.IsValid).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var held = sinkKeys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new SinkVerification(
            valid.Count,
            [.. valid.Where(k => !held.ContainsKey(k)).Order(StringComparer.Ordinal)],
            [.. held.Where(h => h.Value > 1).Select(h => (h.Key, h.Value)).OrderBy(h => h.Key, StringComparer.Ordinal)],
            [.. held.Keys.Where(k => !valid.Contains(k)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Compares the keys an ingestion flagged as invalid with the violations injected.</summary>
    public static FlagVerification VerifyFlagged(this GroundTruthLedger ledger, string dataset, IEnumerable<string> flaggedKeys)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var violations = ledger.For(dataset).Where(r => r.Fate == RecordFate.Served && r.Violation is not null)
            .GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Violation!.Value, StringComparer.Ordinal);
        var flagged = flaggedKeys.ToHashSet(StringComparer.Ordinal);
        return new FlagVerification(
            violations.Count,
            [.. violations.Where(v => !flagged.Contains(v.Key)).Select(v => $"{v.Key} ({v.Value})").Order(StringComparer.Ordinal)],
            [.. flagged.Where(f => !violations.ContainsKey(f)).Order(StringComparer.Ordinal)]);
    }
}
