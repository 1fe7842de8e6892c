using ContractKit.Probes.Results;
using ContractKit.Probes.Tests.Support;

namespace ContractKit.Probes.Tests.Sources.Files;

public class FilesSourceTests
{
    private static ProbeRunner Runner(TimeSpan? timeout = null) =>
        new(new ProbeOptions { TimeProvider = new FixedTime(ClickDrop.Now), Timeout = timeout });

    private static CheckResult Result(ProbeReport report, string check) => report.Results.Single(r => r.CheckId == check);

    [Test]
    public async Task A_fresh_clean_drop_passes_every_check()
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(5)), ClickDrop.Record("2", TimeSpan.FromMinutes(10)), ClickDrop.Record("3", TimeSpan.FromMinutes(20), email: null));

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(report.Results.Select(r => (r.CheckId, r.Status)), Is.EqualTo(new[]
        {
            ("schema", CheckStatus.Pass), ("freshness", CheckStatus.Pass), ("eventTime", CheckStatus.Pass), ("volume", CheckStatus.Pass),
            ("nullRate:email", CheckStatus.Pass), ("duplicates:event_id", CheckStatus.Pass),
        }));
        Assert.That(Result(report, "freshness").Measured, Is.EqualTo("newest record 5m 0s old"));
        Assert.That(Result(report, "freshness").Clock!.Source, Is.EqualTo(ClockSource.Local));
        Assert.That(Result(report, "nullRate:email").Measured, Is.EqualTo("33.333% null (1 of 3)"));
        Assert.That(report.Notes, Is.EqualTo(new[] { new DatasetNote("clicks", "1 file matches clicks/*.jsonl, 3 records read") }));
    }

    [TestCase(30, CheckStatus.Warn)]
    [TestCase(90, CheckStatus.Fail)]
    public async Task Stale_drops_warn_then_fail(int minutes, CheckStatus expected)
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(minutes)));

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(Result(report, "freshness").Status, Is.EqualTo(expected));
        Assert.That(Result(report, "freshness").Value, Is.EqualTo(minutes * 60));
    }

    [Test]
    public async Task Drifted_records_fail_the_schema_check_with_masked_evidence()
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl",
            ClickDrop.Record("1", TimeSpan.FromMinutes(1)),
            ClickDrop.Record("2", TimeSpan.FromMinutes(1), kind: "scroll", email: "jane@example.com"),
            "{\"event_id\":\"3\",\"occurred_at\":\"2026-11-27T11:59:00Z\",\"kind\":\"view\",\"extra\":1}",
            "{not json");

        var report = await Runner().RunAsync(await drop.LoadAsync());

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Measured, Is.EqualTo("3 of 4 records invalid"));
        Assert.That(schema.Evidence.Select(e => e.Location), Is.EqualTo(new[] { "clicks/a.jsonl:2", "clicks/a.jsonl:3", "clicks/a.jsonl:4" }));
        Assert.That(schema.Evidence[0].Description, Does.Contain("'scroll' is not one of: view, click"));
        Assert.That(schema.Evidence[0].Record, Does.Contain("\"email\":\"***\"").And.Not.Contain("jane"));
        Assert.That(schema.Evidence[1].Description, Does.Contain("the property 'extra' is not allowed"));
        Assert.That(schema.Evidence[2].Description, Does.Contain("malformed JSON"));
    }

    [Test]
    public async Task Duplicates_nulls_and_low_volume_fail()
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(1), email: null), ClickDrop.Record("1", TimeSpan.FromMinutes(2), email: null));

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(Result(report, "duplicates:event_id").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "duplicates:event_id").Measured, Is.EqualTo("1 duplicate records of 2"));
        Assert.That(Result(report, "nullRate:email").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "volume").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "volume").Message, Does.Contain("below the minimum"));
    }

    [Test]
    public async Task Records_outside_the_window_do_not_count_for_volume()
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(1)), ClickDrop.Record("2", TimeSpan.FromHours(2)), ClickDrop.Record("3", TimeSpan.FromHours(3)));

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(Result(report, "volume").Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Event_times_in_the_future_fail_and_years_old_ones_warn()
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(1)), ClickDrop.Record("2", -TimeSpan.FromDays(3650)), ClickDrop.Record("3", TimeSpan.FromDays(4000)));

        var report = await Runner().RunAsync(await drop.LoadAsync());

        var check = Result(report, "eventTime");
        Assert.That(check.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(check.Measured, Is.EqualTo("1 in the future, 1 over a year old, of 3"));
        Assert.That(check.Evidence.Select(e => e.Location), Is.EqualTo(new[] { "clicks/a.jsonl:2", "clicks/a.jsonl:3" }));
    }

    [Test]
    public async Task An_empty_drop_fails_freshness_instead_of_passing_it()
    {
        using var drop = new ClickDrop();

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "freshness").Measured, Is.EqualTo("no records"));
    }

    [Test]
    public async Task Freshness_can_come_from_file_modification_times()
    {
        using var drop = new ClickDrop(freshnessFrom: "modifiedTime");
        var file = drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(1)));
        File.SetLastWriteTimeUtc(file, (ClickDrop.Now - TimeSpan.FromHours(3)).UtcDateTime);

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "freshness").Measured, Is.EqualTo("newest record 3h 0m old"));
    }

    [Test]
    public async Task A_missing_root_makes_every_check_an_error_never_a_pass()
    {
        using var drop = new ClickDrop();
        Directory.Delete(Path.Combine(drop.Folder, "drops"), recursive: true);

        var report = await Runner().RunAsync(await drop.LoadAsync());

        Assert.That(report.Results, Is.Not.Empty);
        Assert.That(report.Results.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error));
        Assert.That(report.Results[0].Message, Does.Contain("does not exist"));
    }

    [Test]
    public async Task A_measurement_over_its_time_limit_is_an_error()
    {
        using var drop = new ClickDrop();
        drop.Drop("big.jsonl", [.. Enumerable.Range(0, 200_000).Select(i => ClickDrop.Record(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1)))]);

        var report = await Runner(TimeSpan.FromMilliseconds(1)).RunAsync(await drop.LoadAsync());

        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(Result(report, "freshness").Message, Does.Contain("took longer than"));
    }

    [Test]
    public async Task Filters_select_datasets_and_checks()
    {
        using var drop = new ClickDrop();
        drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(1)));
        var runner = new ProbeRunner(new ProbeOptions { TimeProvider = new FixedTime(ClickDrop.Now), Checks = new HashSet<string> { "freshness", "nullRate" } });

        var report = await runner.RunAsync(await drop.LoadAsync());

        Assert.That(report.Results.Select(r => r.CheckId), Is.EqualTo(new[] { "freshness", "nullRate:email" }));
    }
}
