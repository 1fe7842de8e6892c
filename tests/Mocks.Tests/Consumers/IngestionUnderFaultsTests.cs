using ContractKit.Mocks.Assertions;
using ContractKit.Mocks.Ledger;
using ContractKit.Mocks.Tests.Simulation;

namespace ContractKit.Mocks.Tests.Consumers;

/// <summary>
/// What the simulator is for: a user's ingestion runs against a misbehaving source for simulated
/// hours, and the ledger says whether it kept every valid record exactly once.
/// </summary>
public sealed class IngestionUnderFaultsTests
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    [TestCase("    flaky:\n      http: { errors: { \"503\": 10%, \"429\": 5% } }\n", "flaky", "status 503")]
    [TestCase("    outage:\n      timeline: [ { after: 20m, for: 15m, mode: reset }, { after: 1h, for: 10m, mode: refuse } ]\n", "outage", "reset")]
    public async Task A_careful_ingestion_keeps_every_valid_record_once_where_a_naive_one_loses_and_repeats(string profiles, string profile, string fault)
    {
        await using var orders = await SimulatedOrders.StartAsync(profiles);
        orders.Simulator.SwitchProfile(profile);
        var key = orders.Contract.Datasets[0].Key;
        var feed = orders.Simulator.UrlOf("orders");
        var naive = new NaiveOrdersClient(feed, SourceSimulator.Token);
        var careful = new ResilientOrdersClient(feed, SourceSimulator.Token, key, delay =>
        {
            // The client's wait is simulated time passing.
            orders.Clock.Advance(delay);
            return Task.CompletedTask;
        });

        for (var run = 0; run < 36; run++)
        {
            await naive.RunAsync();
            await careful.RunAsync();
            orders.Clock.Advance(Every);
        }

        // Once the source is healthy again, a last run of each catches up.
        orders.Simulator.SwitchProfile("healthy");
        await naive.RunAsync();
        await careful.RunAsync();

        var ledger = orders.Simulator.Ledger;
        Assert.That(ledger.Faults.Select(f => f.Kind), Has.Some.Contains(fault), "the profile misbehaved");
        Assert.That(careful.Retries, Is.GreaterThan(0));
        Assert.That(careful.Sink, Ingestion.KeptEveryValidRecordOnce(ledger, "orders", key));

        var naiveResult = ledger.VerifySink("orders", naive.Sink.Select(r => RecordKeys.Of(r, key)));
        Assert.That(naiveResult.Missing, Is.Not.Empty, "late arrivals fall behind a created_at watermark");
        Assert.That(naive.FailedRuns, Is.GreaterThan(0));
        var failure = Assert.Throws<AssertionException>(() => Assert.That(naive.Sink, Ingestion.KeptEveryValidRecordOnce(ledger, "orders", key)))!;
        Assert.That(failure.Message, Does.Contain($"{naiveResult.Missing.Length} missing: {naiveResult.Missing[0]}"));
    }

    [Test]
    public async Task A_run_cut_short_after_appending_makes_the_naive_ingestion_hold_records_twice()
    {
        // 503s on a third of requests: a walk over several pages often fails after its first page.
        await using var orders = await SimulatedOrders.StartAsync("    flaky:\n      http: { errors: { \"503\": 35% } }\n");
        orders.Simulator.SwitchProfile("flaky");
        var key = orders.Contract.Datasets[0].Key;
        var naive = new NaiveOrdersClient(orders.Simulator.UrlOf("orders"), SourceSimulator.Token);

        for (var run = 0; run < 24; run++)
        {
            await naive.RunAsync();
            orders.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        var result = orders.Simulator.Ledger.VerifySink("orders", naive.Sink.Select(r => RecordKeys.Of(r, key)));
        Assert.That(result.Duplicated, Is.Not.Empty, result.ToString());
        var failure = Assert.Throws<AssertionException>(() => Assert.That(naive.Sink, Ingestion.KeptEveryValidRecordOnce(orders.Simulator.Ledger, "orders", key)))!;
        Assert.That(failure.Message, Does.Contain("held more than once: " + $"{result.Duplicated[0].Key} ×{result.Duplicated[0].Count}"));
    }
}
