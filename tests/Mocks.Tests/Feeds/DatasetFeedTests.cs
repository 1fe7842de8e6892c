using System.Collections.Immutable;
using System.Text;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Values;
using ContractKit.Mocks.Feeds;
using ContractKit.Mocks.Ledger;

namespace ContractKit.Mocks.Tests.Feeds;

/// <summary>The record timeline: arrivals, lateness, duplicates, outages and violations, deterministically.</summary>
public class DatasetFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static SimulationSettings Settings(string rate = "60/h", LateArrivals? late = null, string duplicates = "0%", Dictionary<string, FaultProfile>? profiles = null) =>
        new(42, Rate.Parse(rate), late, Percentage.Parse(duplicates), (profiles ?? []).ToImmutableDictionary());

    private static (DatasetFeed Feed, GroundTruthLedger Ledger, ProfileHistory Profiles) Feed(SimulationSettings settings, FaultProfile? profile = null)
    {
        var ledger = new GroundTruthLedger();
        var profiles = new ProfileHistory(Start, profile is null ? null : "p", profile);
        RecordRenderer render = (index, eventTime, violation) =>
            (Encoding.UTF8.GetBytes($"{{\"id\":{index},\"at\":\"{eventTime:O}\",\"bad\":{(violation is null ? "null" : $"\"{violation}\"")}}}"), index.ToString(System.Globalization.CultureInfo.InvariantCulture), violation);
        var feed = new DatasetFeed("things", settings, profiles, ledger, render, Enum.GetValues<ViolationKind>(), Start);
        return (feed, ledger, profiles);
    }

    [Test]
    public void Arrivals_follow_the_rate()
    {
        var (feed, _, _) = Feed(Settings("60/h"));
        feed.CatchUp(Start.AddHours(10));
        Assert.That(feed.Count, Is.InRange(540, 660), "about 600 records in 10 hours at 60/h");
        var times = feed.Slice(0, int.MaxValue).Select(e => e.VisibleAt).ToList();
        Assert.That(times, Is.Ordered, "the feed is in order of visibility");
    }

    [Test]
    public void The_same_seed_gives_the_same_feed_whatever_the_catch_up_steps()
    {
        var (oneStep, _, _) = Feed(Settings(late: new LateArrivals(Percentage.Parse("20%"), Duration.Parse("30m")), duplicates: "5%"));
        var (manySteps, _, _) = Feed(Settings(late: new LateArrivals(Percentage.Parse("20%"), Duration.Parse("30m")), duplicates: "5%"));
        oneStep.CatchUp(Start.AddHours(5));
        for (var minutes = 0; minutes <= 300; minutes += 7)
        {
            manySteps.CatchUp(Start.AddMinutes(minutes));
        }

        manySteps.CatchUp(Start.AddHours(5));
        Assert.That(manySteps.Slice(0, int.MaxValue).Select(e => Encoding.UTF8.GetString(e.Json)),
            Is.EqualTo(oneStep.Slice(0, int.MaxValue).Select(e => Encoding.UTF8.GetString(e.Json))));
    }

    [Test]
    public void Late_records_keep_their_event_time_and_appear_after_it()
    {
        var (feed, _, _) = Feed(Settings(late: new LateArrivals(Percentage.Parse("50%"), Duration.Parse("1h"))));
        feed.CatchUp(Start.AddHours(10));
        var entries = feed.Slice(0, int.MaxValue);
        var late = entries.Where(e => e.VisibleAt > e.EventTime).ToList();
        Assert.That(late.Count, Is.InRange(entries.Count / 3, entries.Count * 2 / 3));
        Assert.That(late.Select(e => e.VisibleAt - e.EventTime), Is.All.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        Assert.That(entries.Zip(entries.Skip(1)).Any(p => p.First.EventTime > p.Second.EventTime), Is.True, "late records come out of event-time order");
    }

    [Test]
    public void Duplicates_are_served_twice_as_the_same_record()
    {
        var (feed, ledger, _) = Feed(Settings(duplicates: "10%"));
        feed.CatchUp(Start.AddHours(10));
        var copies = feed.Slice(0, int.MaxValue).GroupBy(e => e.Index).Where(g => g.Count() == 2).ToList();
        Assert.That(copies.Count, Is.InRange(30, 100));
        Assert.That(copies.All(g => g.First().Json.SequenceEqual(g.Last().Json)), Is.True);
        Assert.That(ledger.Records.Count(r => r.Copy == 1), Is.EqualTo(copies.Count));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Records_produced_during_an_outage_are_backfilled_or_lost(bool backfill)
    {
        var outage = new FaultProfile(null, [new OutageStep(Duration.Parse("1h"), Duration.Parse("1h"), OutageKind.Reset, null, backfill)], null, null);
        var (feed, ledger, _) = Feed(Settings(), outage);

        feed.CatchUp(Start.AddMinutes(119));
        var duringOutage = feed.Count;
        feed.CatchUp(Start.AddHours(3));

        var produced = ledger.Records.Where(r => r.EventTime >= Start.AddHours(1) && r.EventTime < Start.AddHours(2)).ToList();
        Assert.That(produced, Is.Not.Empty);
        if (backfill)
        {
            Assert.That(produced.Select(r => r.VisibleAt), Is.All.EqualTo(Start.AddHours(2)), "visible when the source came back");
            Assert.That(produced.Select(r => r.Fate), Is.All.EqualTo(RecordFate.Served));
        }
        else
        {
            Assert.That(produced.Select(r => r.Fate), Is.All.EqualTo(RecordFate.Lost));
        }

        Assert.That(feed.Slice(0, duringOutage).Select(e => e.VisibleAt), Is.All.LessThan(Start.AddHours(1)), "nothing new while the source is down");
    }

    [Test]
    public void Violations_start_with_the_profile_that_injects_them()
    {
        var drift = new FaultProfile(null, [], new ViolationInjection(Percentage.Parse("50%"), [ViolationKind.WrongType]), null);
        var (feed, ledger, profiles) = Feed(Settings(profiles: new() { ["drift"] = drift }));
        feed.CatchUp(Start.AddHours(2));
        profiles.Switch(Start.AddHours(2), "drift", drift);
        feed.CatchUp(Start.AddHours(4));

        Assert.That(ledger.Records.Where(r => r.VisibleAt < Start.AddHours(2)).Select(r => r.Violation), Is.All.Null);
        var afterwards = ledger.Records.Where(r => r.VisibleAt >= Start.AddHours(2)).ToList();
        Assert.That(afterwards.Count(r => r.Violation == ViolationKind.WrongType), Is.InRange(afterwards.Count / 4, afterwards.Count * 3 / 4));
    }
}
