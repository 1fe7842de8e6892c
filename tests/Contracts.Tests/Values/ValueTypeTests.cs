using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Tests.Values;

public class PercentageTests
{
    [TestCase("99.9%", 99.9)]
    [TestCase("0%", 0)]
    [TestCase("100%", 100)]
    [TestCase("0.5%", 0.5)]
    public void Parses(string text, double percent) =>
        Assert.That(Percentage.Parse(text).Percent, Is.EqualTo((decimal)percent));

    [TestCase("101%", "more than 100%")]
    [TestCase("99.9", "followed by %")]
    [TestCase("-1%", "followed by %")]
    [TestCase("abc", "followed by %")]
    public void Rejects(string text, string message)
    {
        Assert.That(Percentage.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Gives_fractions() => Assert.That(Percentage.Parse("2.5%").Fraction, Is.EqualTo(0.025).Within(1e-12));
}

public class SemVersionTests
{
    [TestCase("2.1.0", 2, 1, 0)]
    [TestCase("0.0.1", 0, 0, 1)]
    [TestCase("10.20.30-rc.1+build.5", 10, 20, 30)]
    public void Parses(string text, int major, int minor, int patch)
    {
        var version = SemVersion.Parse(text);
        Assert.That((version.Major, version.Minor, version.Patch), Is.EqualTo((major, minor, patch)));
        Assert.That(version.ToString(), Is.EqualTo(text));
    }

    [TestCase("banana")]
    [TestCase("1.0")]
    [TestCase("01.0.0")]
    [TestCase("1.0.0-")]
    [TestCase("v1.0.0")]
    public void Rejects(string text) => Assert.That(SemVersion.TryParse(text, out _, out _), Is.False);

    [Test]
    public void Orders_by_semver_precedence()
    {
        // The example list from semver.org, section 11.
        var ordered = new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1" };
        var shuffled = ordered.Reverse().Select(SemVersion.Parse).ToList();
        shuffled.Sort();
        Assert.That(shuffled.Select(v => v.ToString()), Is.EqualTo(ordered));
        Assert.That(SemVersion.Parse("1.0.0+a"), Is.EqualTo(SemVersion.Parse("1.0.0+b")));
    }
}

public class RateTests
{
    [TestCase("200/h", 200, "1h")]
    [TestCase("5/s", 5, "1s")]
    [TestCase("1000/15m", 1000, "15m")]
    public void Parses(string text, long count, string per)
    {
        var rate = Rate.Parse(text);
        Assert.That((rate.Count, rate.Per), Is.EqualTo((count, Duration.Parse(per))));
        Assert.That(rate.ToString(), Is.EqualTo(text));
    }

    [TestCase("200 per hour")]
    [TestCase("200/0s")]
    [TestCase("/h")]
    public void Rejects(string text) => Assert.That(Rate.TryParse(text, out _, out _), Is.False);

    [Test]
    public void Converts_to_per_second() => Assert.That(Rate.Parse("3600/h").PerSecond, Is.EqualTo(1.0));
}

public class ByteSizeTests
{
    [TestCase("64MB", 64L * 1024 * 1024)]
    [TestCase("512kB", 512L * 1024)]
    [TestCase("1GiB", 1L << 30)]
    [TestCase("100B", 100)]
    public void Parses_with_postgres_units(string text, long bytes) => Assert.That(ByteSize.Parse(text).Bytes, Is.EqualTo(bytes));

    [TestCase("64 megabytes")]
    [TestCase("64mb")]
    [TestCase("99999999999TB")]
    public void Rejects(string text) => Assert.That(ByteSize.TryParse(text, out _, out _), Is.False);
}

public class CronScheduleTests
{
    [Test]
    public void Parses_five_fields_and_finds_the_next_run_in_its_zone()
    {
        Assert.That(TimeZones.TryFind("Europe/Berlin", out var berlin, out _), Is.True);
        Assert.That(CronSchedule.TryParse("0 2 * * SUN", berlin!, out var cron, out var error), Is.True, error);

        // 2026-11-27 is a Friday; the next Sunday 02:00 in Berlin (CET, UTC+1) is 01:00 UTC.
        var next = cron!.NextAfter(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("*/5 * * *", "has 4 fields")]
    [TestCase("75 * * * *", "not a cron expression")]
    [TestCase("* * * * * *", "has 6 fields")]
    public void Rejects(string text, string message)
    {
        Assert.That(CronSchedule.TryParse(text, TimeZoneInfo.Utc, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(message));
    }
}

public class SupportHoursTests
{
    [Test]
    public void Parses_days_hours_and_zone()
    {
        Assert.That(SupportHours.TryParse("Mon-Fri 09:00-17:00 Europe/Berlin", out var hours, out var error), Is.True, error);
        Assert.That(hours!.Days, Is.EqualTo(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }));
        Assert.That((hours.Start, hours.End), Is.EqualTo((new TimeOnly(9, 0), (TimeOnly?)new TimeOnly(17, 0))));
        Assert.That(hours.TimeZone.Id, Is.EqualTo("Europe/Berlin"));
        Assert.That(SupportHours.TryParse("24/7", out var always, out _) && always!.IsAlways, Is.True);
    }

    [TestCase("weekdays 9 to 5")]
    [TestCase("Mon-Fri 17:00-09:00 UTC")]
    [TestCase("Mon-Fri 09:00-17:00 Mars/Olympus")]
    [TestCase("Mon-Xyz 09:00-17:00 UTC")]
    public void Rejects(string text) => Assert.That(SupportHours.TryParse(text, out _, out _), Is.False);
}

public class JsonPathTests
{
    [TestCase("$", 0)]
    [TestCase("$.data", 1)]
    [TestCase("$.meta.next", 2)]
    [TestCase("$['odd key'][0]", 2)]
    public void Parses(string text, int steps) => Assert.That(JsonPath.Parse(text).Steps, Has.Length.EqualTo(steps));

    [TestCase("data")]
    [TestCase("$..data")]
    [TestCase("$.data[*]")]
    [TestCase("$[?(@.a)]")]
    public void Rejects_what_it_cannot_select_exactly(string text) => Assert.That(JsonPath.TryParse(text, out _, out _), Is.False);

    [Test]
    public void Selects_one_place()
    {
        using var body = System.Text.Json.JsonDocument.Parse("""{"meta":{"next":"abc"},"data":[{"a":1}]}""");
        Assert.That(JsonPath.Parse("$.meta.next").Select(body.RootElement)?.GetString(), Is.EqualTo("abc"));
        Assert.That(JsonPath.Parse("$.data[0].a").Select(body.RootElement)?.GetInt32(), Is.EqualTo(1));
        Assert.That(JsonPath.Parse("$.missing").Select(body.RootElement), Is.Null);
    }
}

public class NameTests
{
    [TestCase("orders-service", true)]
    [TestCase("Orders", false)]
    [TestCase("orders--x", false)]
    [TestCase("-orders", false)]
    public void Contract_ids_are_kebab_case(string text, bool valid) => Assert.That(ContractId.TryParse(text, out _, out _), Is.EqualTo(valid));

    [TestCase("public.payments", "public", "payments")]
    [TestCase("payments", "public", "payments")]
    public void Table_names_default_to_public(string text, string schema, string table) =>
        Assert.That(TableName.Parse(text), Is.EqualTo(new TableName(schema, table)));

    [Test]
    public void Field_paths_name_nested_fields() =>
        Assert.That(FieldPath.Parse("customer.email").ToRecordPointer(), Is.EqualTo("/customer/email"));
}
