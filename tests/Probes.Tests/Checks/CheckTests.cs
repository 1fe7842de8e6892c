using System.Collections.Immutable;
using ContractKit.Contracts.Model;
using ContractKit.Probes.Checks;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Results;
using ContractKit.Probes.Tests.Support;

namespace ContractKit.Probes.Tests.Checks;

/// <summary>How each check judges measurements, including the paths sources rarely produce.</summary>
public class CheckTests
{
    private static readonly ProbeClock Clock = new(ClickDrop.Now, ClockSource.Source, "database now()");

    private Contract _contract = null!;

    [OneTimeSetUp]
    public async Task Load() => _contract = (await Contracts.Loading.ContractLoader.LoadFileAsync(TestRepository.Example("orders.yaml"))).Contract!;

    private List<CheckResult> Judge(IProbeCheck check, DatasetObservation observation) =>
        [.. check.Evaluate(new CheckContext(_contract, _contract.Datasets[0], observation))];

    private static Observed<RequestStatistics> Requests(int failures, int retries, params int[] milliseconds) =>
        Observed<RequestStatistics>.Of(new RequestStatistics([.. milliseconds.Select(m => TimeSpan.FromMilliseconds(m))], milliseconds.Length, failures, retries, 1), TimeSpan.FromSeconds(1));

    [Test]
    public void Latency_uses_nearest_rank_percentiles_of_every_attempt()
    {
        var fast = Judge(new LatencyCheck(), new DatasetObservation { Clock = Clock, Requests = Requests(0, 0, [.. Enumerable.Repeat(100, 99), 900]) }).Single();
        var slow = Judge(new LatencyCheck(), new DatasetObservation { Clock = Clock, Requests = Requests(0, 0, [.. Enumerable.Repeat(100, 90), .. Enumerable.Repeat(1000, 10)]) }).Single();

        Assert.That((fast.Status, fast.Measured), Is.EqualTo((CheckStatus.Pass, "p95 100ms, p99 100ms over 100 requests")));
        Assert.That(slow.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(slow.Message, Is.EqualTo("p95 is 1000ms, above 800ms"));
    }

    [Test]
    public void Error_rate_counts_retries_as_requests_and_says_so()
    {
        var result = Judge(new ErrorRateCheck(), new DatasetObservation { Clock = Clock, Requests = Requests(2, 2, 10, 10, 10, 10) }).Single();
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(result.Measured, Is.EqualTo("2 of 4 requests failed (50%), 2 retries"));
        Assert.That(result.Message, Does.Contain("2 requests were retried"));
    }

    [Test]
    public void Volume_with_an_anomaly_promise_warns_that_a_single_run_cannot_judge_it()
    {
        var result = Judge(new VolumeCheck(), new DatasetObservation { Clock = Clock, RecordsInWindow = Observed<long>.Of(500, TimeSpan.Zero) }).Single();
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Warn));
        Assert.That(result.Message, Does.Contain("needs probe history"));
    }

    [Test]
    public void A_newest_record_from_the_future_is_called_out()
    {
        var result = Judge(new FreshnessCheck(), new DatasetObservation { Clock = Clock, NewestEventTime = Observed<DateTimeOffset?>.Of(ClickDrop.Now.AddHours(2), TimeSpan.Zero) }).Single();
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Pass));
        Assert.That(result.Measured, Is.EqualTo("newest record 2h 0m in the future old"));
        Assert.That(result.Message, Does.Contain("ahead of the database now()"));
    }

    [Test]
    public void A_failed_measurement_is_an_error_with_its_reason()
    {
        var result = Judge(new FreshnessCheck(), new DatasetObservation { Clock = Clock, NewestEventTime = Observed<DateTimeOffset?>.Failed("canceling statement due to statement timeout", TimeSpan.FromSeconds(5)) }).Single();
        Assert.That((result.Status, result.Message), Is.EqualTo((CheckStatus.Error, "canceling statement due to statement timeout")));
    }

    [Test]
    public void An_unavailable_source_errors_every_check_it_would_have_made()
    {
        var observation = DatasetObservation.Unavailable(Clock, "connection refused");
        var results = ProbeChecks.All.SelectMany(c => c.Evaluate(new CheckContext(_contract, _contract.Datasets[0], observation))).ToList();
        Assert.That(results.Select(r => r.CheckId), Is.EqualTo(new[] { "schema", "freshness", "volume", "nullRate:amount", "nullRate:customer_email", "duplicates:order_id" }));
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error));
    }

    [TestCase(true, true, 10, CheckStatus.Pass)]
    [TestCase(true, true, 20 * 1024 * 1024, CheckStatus.Warn)]
    [TestCase(true, true, 80 * 1024 * 1024, CheckStatus.Fail)]
    [TestCase(true, false, 10, CheckStatus.Warn)]
    [TestCase(false, false, 0, CheckStatus.Fail)]
    public async Task Replication_slots_are_judged_on_existence_consumer_and_lag(bool exists, bool active, long lag, CheckStatus expected)
    {
        var payments = (await Contracts.Loading.ContractLoader.LoadFileAsync(TestRepository.Example("payments.yaml"))).Contract!;
        var observation = new DatasetObservation { Clock = Clock, ReplicationSlot = Observed<ReplicationSlotState>.Of(new ReplicationSlotState(exists, active, lag), TimeSpan.Zero) };
        var result = new CdcCheck().Evaluate(new CheckContext(payments, payments.Datasets[0], observation)).Single();
        Assert.That((result.CheckId, result.Status), Is.EqualTo(("cdc:payments_cdc", expected)));
    }

    [Test]
    public void Compatible_column_drift_warns_and_breaking_drift_fails()
    {
        SchemaFinding Finding(bool breaking) => new("column", breaking, "column x", null);
        DatasetObservation With(params SchemaFinding[] findings) =>
            new() { Clock = Clock, Schema = Observed<SchemaObservation>.Of(new SchemaObservation(7, "columns", findings.Count(f => f.Breaking), [.. findings]), TimeSpan.Zero) };

        Assert.That(Judge(new SchemaCheck(), With()).Single().Status, Is.EqualTo(CheckStatus.Pass));
        Assert.That(Judge(new SchemaCheck(), With(Finding(false))).Single().Status, Is.EqualTo(CheckStatus.Warn));
        Assert.That(Judge(new SchemaCheck(), With(Finding(false), Finding(true))).Single().Status, Is.EqualTo(CheckStatus.Fail));
    }
}
