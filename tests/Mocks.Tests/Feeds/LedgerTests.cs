using ContractKit.Contracts.Model.Simulation;
using ContractKit.Mocks.Ledger;

namespace ContractKit.Mocks.Tests.Feeds;

public class LedgerTests
{
    private static GroundTruthLedger Ledger()
    {
        var ledger = new GroundTruthLedger();
        var at = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        ledger.Add(new LedgerRecord("orders", "a", at, at, 0, null, 0, RecordFate.Served));
        ledger.Add(new LedgerRecord("orders", "b", at, at, 1, ViolationKind.UnknownEnum, 0, RecordFate.Served));
        ledger.Add(new LedgerRecord("orders", "c", at, at, 2, null, 0, RecordFate.Served));
        ledger.Add(new LedgerRecord("orders", "c", at, at, 3, null, 1, RecordFate.Served));
        ledger.Add(new LedgerRecord("orders", "d", at, null, null, null, 0, RecordFate.Lost));
        ledger.Add(new LedgerFault(at, "status 503", "GET /v1/orders", "simulated"));
        return ledger;
    }

    [Test]
    public void A_sink_is_compared_with_the_valid_records_served()
    {
        var verification = Ledger().VerifySink("orders", ["a", "a", "b"]);
        Assert.That(verification.Satisfied, Is.False);
        Assert.That(verification.Missing, Is.EqualTo(new[] { "c" }));
        Assert.That(verification.Duplicated, Is.EqualTo(new[] { ("a", 2) }));
        Assert.That(verification.Unexpected, Is.EqualTo(new[] { "b" }));
        Assert.That(verification.ToString(), Is.EqualTo("2 valid records served; 1 missing: c; 1 held more than once: a ×2; 1 not valid served records: b"));
        Assert.That(Ledger().VerifySink("orders", ["a", "c"]).Satisfied, Is.True, "a duplicate served twice is still one record; a lost one was never owed");
    }

    [Test]
    public void Flags_are_compared_with_the_violations_injected()
    {
        var verification = Ledger().VerifyFlagged("orders", ["a"]);
        Assert.That(verification.Missed, Is.EqualTo(new[] { "b (UnknownEnum)" }));
        Assert.That(verification.WronglyFlagged, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void The_ledger_exports_as_ndjson()
    {
        using var stream = new MemoryStream();
        Ledger().WriteNdjson(stream);
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines[1], Does.Contain("\"violation\":\"unknownEnum\"").And.Contain("\"fate\":\"served\""));
        Assert.That(lines[4], Does.Contain("\"fate\":\"lost\"").And.Not.Contain("visibleAt"));
        Assert.That(lines[5], Does.StartWith("{\"type\":\"fault\"").And.Contain("status 503"));
    }

    [Test]
    public void Ingestion_constraints_list_what_was_missed()
    {
        var failure = Assert.Throws<AssertionException>(() => Assert.That(new[] { "a" }, Assertions.Ingestion.KeptEveryValidRecordOnce(Ledger(), "orders", [])))!;
        Assert.That(failure.Message, Does.Contain("every valid orders record exactly once").And.Contain("1 missing: c"));
        Assert.That(new[] { "b" }, Assertions.Ingestion.FlaggedEveryViolation(Ledger(), "orders"));
    }

    [Test]
    public void A_summary_counts_records_violations_losses_and_faults_but_not_profile_switches()
    {
        var second = new GroundTruthLedger();
        var at = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        second.Add(new LedgerFault(at, LedgerFault.ProfileSwitch, "", "switched to profile 'outage'"));
        second.Add(new LedgerFault(at, "reset", "GET /v1/orders", "reset"));
        second.Add(new LedgerRecord("clicks", "x", at, null, null, ViolationKind.WrongType, 0, RecordFate.Lost));

        var summary = LedgerSummary.Of(Ledger(), second);

        Assert.That(summary, Is.EqualTo(new LedgerSummary(Records: 6, Violations: 2, Lost: 2, Faults: 2)));
        Assert.That(summary.ToString(), Is.EqualTo("6 records generated, 2 with an injected violation, 2 lost in outages, 2 faults injected into requests"));
    }
}
