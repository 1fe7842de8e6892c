using ContractKit.Contracts.Model.Simulation;
using ContractKit.Probes.Results;

namespace ContractKit.Mocks.Tests.Simulation;

/// <summary>The probe engine against the simulator: each injected violation and each outage is caught.</summary>
public class ProbeAgainstSimulatorTests
{
    private static CheckResult Result(ProbeReport report, string check) => report.Results.Single(r => r.CheckId == check);

    [Test]
    public async Task A_simulated_source_without_faults_keeps_its_schema_freshness_and_times()
    {
        await using var orders = await SimulatedOrders.StartAsync();

        var report = await orders.ProbeAsync();

        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Pass), Result(report, "schema").Message);
        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Pass));
        Assert.That(Result(report, "freshness").Clock!.Description, Is.EqualTo("HTTP Date header"));
        Assert.That(Result(report, "freshness").Clock!.Now, Is.EqualTo(SimulatedOrders.Start).Within(TimeSpan.FromSeconds(1)), "the Date header is the simulated clock");
        Assert.That(Result(report, "eventTime").Status, Is.EqualTo(CheckStatus.Pass));
        Assert.That(Result(report, "nullRate:customer_email").Status, Is.EqualTo(CheckStatus.Pass), "the simulator keeps the null-rate promise");
    }

    [TestCase(ViolationKind.WrongType, "type")]
    [TestCase(ViolationKind.MissingRequired, "required")]
    [TestCase(ViolationKind.ExtraField, "additionalProperties")]
    [TestCase(ViolationKind.UnknownEnum, "enum")]
    [TestCase(ViolationKind.NullInRequired, "type")]
    [TestCase(ViolationKind.BadFormat, "")]
    [TestCase(ViolationKind.EventTimeSkew, null)]
    public async Task Each_injected_violation_kind_is_caught(ViolationKind kind, string? keyword)
    {
        var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
        await using var orders = await SimulatedOrders.StartAsync($"    broken:\n      violations: {{ share: 20%, kinds: [{name}] }}\n");
        orders.Simulator.SwitchProfile("broken");
        orders.Clock.Advance(TimeSpan.FromHours(1));

        var report = await orders.ProbeAsync();

        var injected = orders.Simulator.Ledger.Records.Count(r => r.Violation == kind);
        Assert.That(injected, Is.GreaterThan(10), "the profile injected the kind");
        if (keyword is null)
        {
            // A skewed event time is still a valid date-time: the schema passes it, the event-time check does not.
            Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Pass));
            Assert.That(Result(report, "eventTime").Status, Is.Not.EqualTo(CheckStatus.Pass));
            Assert.That(Result(report, "eventTime").Evidence, Is.Not.Empty);
            return;
        }

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Value, Is.GreaterThanOrEqualTo(1));
        Assert.That(schema.Evidence.Select(e => e.Description), Has.Some.Contains($"({keyword}").Or.Some.Contains($"({keyword})").Or.Some.Match(keyword.Length == 0 ? "format|pattern" : keyword));
    }

    [TestCase("refuse", "refused")]
    [TestCase("reset", "reset")]
    [TestCase("503", "503")]
    [TestCase("hang", "timeout")]
    [TestCase("cut", "connection closed")]
    public async Task Each_outage_mode_makes_the_checks_errors_that_name_it(string mode, string named)
    {
        await using var orders = await SimulatedOrders.StartAsync($"    down:\n      timeline: [ {{ after: 0m, for: 1h, mode: {mode} }} ]\n", timeout: "1s");
        orders.Simulator.SwitchProfile("down");
        orders.Clock.Advance(TimeSpan.FromMinutes(1));

        var report = await orders.ProbeAsync(retries: 0);

        var freshness = Result(report, "freshness");
        Assert.That(freshness.Status, Is.EqualTo(CheckStatus.Error), string.Join("\n", report.Results.Select(c => $"{c.CheckId} {c.Status} {c.Message} {string.Join("; ", c.Evidence.Select(e => e.Description))}")));
        Assert.That(freshness.Message, Does.Contain(named).IgnoreCase);
        Assert.That(orders.Simulator.Ledger.Faults.Select(f => f.Kind), mode == "refuse" ? Has.Member("profile") : Has.Some.Contains(mode == "503" ? "status 503" : mode));
    }

    [Test]
    public async Task Records_produced_during_an_outage_are_served_after_it_with_their_event_times()
    {
        await using var orders = await SimulatedOrders.StartAsync("    down:\n      timeline: [ { after: 0m, for: 30m, mode: reset } ]\n");
        orders.Simulator.SwitchProfile("down");
        orders.Clock.Advance(TimeSpan.FromMinutes(40));

        var report = await orders.ProbeAsync();

        var backfilled = orders.Simulator.Ledger.Records.Where(r => r.EventTime > SimulatedOrders.Start && r.EventTime < SimulatedOrders.Start.AddMinutes(30)).ToList();
        Assert.That(backfilled, Is.Not.Empty);
        Assert.That(backfilled.Select(r => r.VisibleAt), Is.All.GreaterThanOrEqualTo(SimulatedOrders.Start.AddMinutes(30)), "nothing shows during the outage");
        // Late arrivals keep their own, later, visibility; everything else lands the moment the source is back.
        Assert.That(backfilled.Count(r => r.VisibleAt == SimulatedOrders.Start.AddMinutes(30)), Is.GreaterThan(backfilled.Count * 9 / 10));
        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Pass));
    }
}
