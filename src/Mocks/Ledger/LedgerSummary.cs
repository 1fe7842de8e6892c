namespace ContractKit.Mocks.Ledger;

/// <summary>The counts of one or more ledgers, as a person reads them at the end of a run.</summary>
/// <param name="Records">Records generated (repeats included).</param>
/// <param name="Violations">Records carrying an injected contract violation.</param>
/// <param name="Lost">Records produced during an outage without backfill, never served.</param>
/// <param name="Faults">Faults injected into requests (profile switches are not faults).</param>
public sealed record LedgerSummary(int Records, int Violations, int Lost, int Faults)
{
    /// <summary>The summed counts of <paramref name="ledgers"/>.</summary>
    public static LedgerSummary Of(params IEnumerable<GroundTruthLedger> ledgers)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        var (records, violations, lost, faults) = (0, 0, 0, 0);
        foreach (var ledger in ledgers)
        {
            var snapshot = ledger.Records;
            records += snapshot.Count;
            violations += snapshot.Count(r => r.Violation is not null);
            lost += snapshot.Count(r => r.Fate == RecordFate.Lost);
            faults += ledger.Faults.Count(f => f.Kind != LedgerFault.ProfileSwitch);
        }

        return new LedgerSummary(records, violations, lost, faults);
    }

    /// <summary><c>1,377 records generated, 28 with an injected violation, 0 lost in outages, 3 faults injected into requests</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Records:N0} records generated, {Violations:N0} with an injected violation, {Lost:N0} lost in outages, {Faults:N0} faults injected into requests");
}
