using ContractKit.Probes.Results;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>Freshness, volume, null rates, duplicates and the index warning: the aggregate query of PostgreSQL sources.</summary>
public class PostgresMeasurementTests : PostgresFixture
{
    protected override async Task SeedAsync()
    {

        // events (indexed on created_at): in the last hour 103 rows, 5 with a null customer and 3
        // repeating an id; two days back 1,000 more rows, all null and mostly duplicates, which
        // measurements over the 1h window must not count.
        await Db.ExecuteAsync("""
            create table events (id bigint not null, customer text, created_at timestamptz not null);
            create index events_created_at on events (created_at);
            insert into events
                select g, case when g % 20 = 0 then null else 'c' || g end, now() - interval '1 minute' - g * interval '30 seconds'
                from generate_series(1, 100) g;
            insert into events select g, 'c' || g, now() - interval '2 minutes' from generate_series(1, 3) g;
            insert into events select 1000 + g % 10, null, now() - interval '2 days' - g * interval '1 second' from generate_series(1, 1000) g;

            create table stale_events (id bigint not null, customer text, created_at timestamp not null);
            insert into stale_events select g, 'c', (now() at time zone 'UTC') - interval '3 hours' - g * interval '1 minute' from generate_series(1, 50) g;
            analyze stale_events;

            create table empty_events (id bigint not null, customer text, created_at timestamptz not null);
            create table text_times (id bigint not null, customer text, created_at text not null);
            insert into text_times values (1, 'c', '2020-01-01T00:00:00Z');
            create view slow_events as select e.* from events e, pg_sleep(1);
            """);
    }

    private Task<ProbeReport> Probe(string table, string promises, string statementTimeout = "5s", ProbeOptions? options = null) =>
        PostgresProbe.RunAsync(PostgresProbe.Contract($$"""
            - name: events
              postgres: { table: {{table}} }
              schema:
                type: object
                required: [id, created_at]
                properties:
                  id: { type: integer }
                  customer: { type: [string, "null"] }
                  created_at: { type: string, format: date-time }
              eventTime: created_at
            {{promises}}
            """, statementTimeout), Db.ConnectionString, options);

    [Test]
    public async Task Fresh_data_passes_on_the_database_clock()
    {
        var report = await Probe("events", "  freshness: { warn: 10m, fail: 1h }");

        var freshness = report.Result("freshness");
        Assert.That(freshness.Status, Is.EqualTo(CheckStatus.Pass), PostgresProbe.Describe(report));
        Assert.That(freshness.Measured, Does.Match(@"^newest record \d+m \d+s old$"));
        Assert.That(freshness.Value, Is.InRange(90, 600));
        Assert.That(freshness.Clock!.Source, Is.EqualTo(ClockSource.Source));
        Assert.That(freshness.Clock.Description, Is.EqualTo("database now()"));
    }

    [TestCase("{ warn: 2h, fail: 6h }", CheckStatus.Warn)]
    [TestCase("{ warn: 30m, fail: 1h }", CheckStatus.Fail)]
    public async Task Stale_data_warns_or_fails(string thresholds, CheckStatus expected)
    {
        var report = await Probe("stale_events", $"  freshness: {thresholds}");

        var freshness = report.Result("freshness");
        Assert.That(freshness.Status, Is.EqualTo(expected), PostgresProbe.Describe(report));
        Assert.That(freshness.Measured, Does.StartWith("newest record 3h "), "timestamp without time zone is read as UTC");
    }

    [Test]
    public async Task An_empty_table_fails_freshness_and_volume()
    {
        var report = await Probe("empty_events", """
              freshness: { warn: 10m, fail: 1h }
              volume: { per: 1h, min: 1 }
            """);

        Assert.That(report.Result("freshness").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(report.Result("freshness").Message, Is.EqualTo("the source holds no records, so none is fresh"));
        Assert.That(report.Result("volume").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(report.Result("volume").Measured, Is.EqualTo("0 records in the last 1h"));
    }

    [TestCase("min: 50, max: 200", CheckStatus.Pass)]
    [TestCase("min: 200", CheckStatus.Fail)]
    [TestCase("max: 10", CheckStatus.Fail)]
    public async Task Volume_counts_rows_in_the_window(string bounds, CheckStatus expected)
    {
        var report = await Probe("events", $"  volume: {{ per: 1h, {bounds} }}");

        var volume = report.Result("volume");
        Assert.That(volume.Status, Is.EqualTo(expected), PostgresProbe.Describe(report));
        Assert.That(volume.Measured, Is.EqualTo("103 records in the last 1h"));
        Assert.That(volume.Clock!.Source, Is.EqualTo(ClockSource.Source));
    }

    [TestCase("10%", "3", CheckStatus.Pass, CheckStatus.Pass)]
    [TestCase("1%", "0", CheckStatus.Fail, CheckStatus.Fail)]
    public async Task Null_rates_and_duplicates_cover_the_volume_window(string nullMax, string duplicatesMax, CheckStatus nullStatus, CheckStatus duplicateStatus)
    {
        var report = await Probe("events", $$"""
              volume: { per: 1h, min: 1 }
              quality:
                - { check: nullRate, field: customer, max: {{nullMax}} }
                - { check: duplicates, fields: [id], max: {{duplicatesMax}} }
            """);

        var nulls = report.Result("nullRate:customer");
        Assert.That(nulls.Status, Is.EqualTo(nullStatus), PostgresProbe.Describe(report));
        Assert.That(nulls.Measured, Is.EqualTo("4.854% null (5 of 103)"));
        var duplicates = report.Result("duplicates:id");
        Assert.That(duplicates.Status, Is.EqualTo(duplicateStatus));
        Assert.That(duplicates.Measured, Is.EqualTo("3 duplicate records of 103"));
    }

    [Test]
    public async Task Without_a_volume_window_null_rates_and_duplicates_cover_the_whole_table()
    {
        var report = await Probe("events", """
              quality:
                - { check: nullRate, field: customer, max: 0% }
                - { check: duplicates, fields: [id, customer], max: 0 }
                - { check: duplicates, fields: [customer], max: 0 }
            """);

        Assert.That(report.Result("nullRate:customer").Measured, Is.EqualTo("91.115% null (1,005 of 1,103)"));

        // Nulls compare equal, as they do for records. The old rows repeat (id, null) ten ways: 990
        // duplicates, and 3 recent rows repeat an (id, customer).
        Assert.That(report.Result("duplicates:id,customer").Measured, Is.EqualTo("993 duplicate records of 1,103"));

        // One column: 95 distinct customers plus null make 96 groups of 1,103 rows.
        Assert.That(report.Result("duplicates:customer").Measured, Is.EqualTo("1,007 duplicate records of 1,103"));
    }

    [Test]
    public async Task An_unindexed_event_time_column_warns_that_the_table_is_scanned()
    {
        var unindexed = await Probe("stale_events", "  freshness: { warn: 6h, fail: 12h }");
        var indexed = await Probe("events", "  freshness: { warn: 10m, fail: 1h }");

        var plan = unindexed.Result("plan");
        Assert.That(plan.Status, Is.EqualTo(CheckStatus.Warn));
        Assert.That(plan.Message, Is.EqualTo("no index on created_at: freshness and volume scan the whole table (about 50 rows by the catalog's estimate)"));
        Assert.That(unindexed.Status, Is.EqualTo(CheckStatus.Warn), "a warning, not a failure");
        Assert.That(indexed.Results.Select(r => r.CheckId), Does.Not.Contain("plan"));
    }

    [Test]
    public async Task An_event_time_column_that_is_not_a_timestamp_makes_freshness_and_volume_errors()
    {
        var report = await Probe("text_times", """
              freshness: { warn: 10m, fail: 1h }
              volume: { per: 1h, min: 1 }
              quality:
                - { check: nullRate, field: customer, max: 0% }
            """);

        const string Expected = "the event-time column created_at is text; freshness and volume compare it with now() in the database, which needs timestamptz, timestamp or date";
        Assert.That(report.Result("freshness").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(report.Result("freshness").Message, Is.EqualTo(Expected));
        Assert.That(report.Result("volume").Message, Is.EqualTo(Expected));
        Assert.That(report.Result("nullRate:customer").Status, Is.EqualTo(CheckStatus.Pass), "quality falls back to the whole table");
    }

    [Test]
    public async Task A_quality_field_without_a_column_is_an_error_for_that_check_only()
    {
        await Db.ExecuteAsync("create table no_customer (id bigint not null, created_at timestamptz not null)");
        var report = await Probe("no_customer", """
              volume: { per: 1h, min: 0 }
              quality:
                - { check: nullRate, field: customer, max: 0% }
            """);

        Assert.That(report.Result("nullRate:customer").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(report.Result("nullRate:customer").Message, Is.EqualTo("column customer does not exist in public.no_customer"));
        Assert.That(report.Result("volume").Status, Is.EqualTo(CheckStatus.Pass));
    }

    [Test]
    public async Task A_slow_aggregate_query_fails_only_the_checks_that_need_it()
    {
        var report = await Probe("slow_events", """
              freshness: { warn: 10m, fail: 1h }
              volume: { per: 1h, min: 1 }
            """, statementTimeout: "300ms");

        Assert.That(report.Result("schema").Status, Is.EqualTo(CheckStatus.Pass), PostgresProbe.Describe(report));
        foreach (var id in new[] { "freshness", "volume" })
        {
            Assert.That(report.Result(id).Status, Is.EqualTo(CheckStatus.Error));
            Assert.That(report.Result(id).Message, Is.EqualTo("the query ran longer than the statement timeout of 300ms and PostgreSQL cancelled it"));
        }
    }

    [TestCase("select count(*) from events where created_at > now()", "max: 0", CheckStatus.Pass, "query returned 0")]
    [TestCase("select count(*) from events", "min: 2000", CheckStatus.Fail, "query returned 1103")]
    [TestCase("select sum(id) from events where id <= 4", "max: 20", CheckStatus.Pass, "query returned 16")]
    [TestCase("select 0.5::float8", "min: 1", CheckStatus.Fail, "query returned 0.5")]
    public async Task Sql_checks_compare_one_number(string query, string bounds, CheckStatus expected, string measured)
    {
        var report = await Probe("events", $$"""
              quality:
                - { check: sql, name: custom, query: "{{query}}", {{bounds}} }
            """);

        var sql = report.Result("sql:custom");
        Assert.That(sql.Status, Is.EqualTo(expected), PostgresProbe.Describe(report));
        Assert.That(sql.Measured, Is.EqualTo(measured));
    }

    [TestCase("select count(*) from pg_sleep(2)", "the query ran longer than the statement timeout of 300ms and PostgreSQL cancelled it")]
    [TestCase("select count(*) frm events", "PostgreSQL error 42601: syntax error at or near \"events\" (at character 21)")]
    [TestCase("select count(*) from missing_table", "PostgreSQL error 42P01: relation \"missing_table\" does not exist (at character 22)")]
    [TestCase("select 'many'", "the query returned a text, not a number; a sql check returns one number")]
    [TestCase("select 'NaN'::numeric", "the query returned a numeric that is not a finite number")]
    [TestCase("select point(1, 2)", "the query returned a point, not a number; a sql check returns one number")]
    [TestCase("select 1, 2", "the query returned 2 columns; a sql check returns one number")]
    [TestCase("select id from events", "the query returned more than one row; a sql check returns one number")]
    [TestCase("select max(id) from events where false", "the query returned null; a sql check returns one number (wrap it in coalesce(…, 0) if none means zero)")]
    public async Task A_sql_check_that_cannot_give_a_number_is_an_error(string query, string message)
    {
        var report = await Probe("events", $$"""
              quality:
                - { check: sql, name: broken, query: "{{query}}", max: 0 }
                - { check: sql, name: fine, query: "select 0", max: 0 }
            """, statementTimeout: "300ms");

        var broken = report.Result("sql:broken");
        Assert.That(broken.Status, Is.EqualTo(CheckStatus.Error), PostgresProbe.Describe(report));
        Assert.That(broken.Message, Is.EqualTo(message));
        Assert.That(report.Result("sql:fine").Status, Is.EqualTo(CheckStatus.Pass), "one broken query does not affect the others");
    }

    [Test]
    public async Task A_query_past_the_probes_time_limit_is_cancelled_by_the_client()
    {
        var report = await Probe("events", """
              quality:
                - { check: sql, name: slow, query: "select count(*) from pg_sleep(3)", max: 1 }
            """, statementTimeout: "10s", options: new ProbeOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        var slow = report.Result("sql:slow");
        Assert.That(slow.Status, Is.EqualTo(CheckStatus.Error), PostgresProbe.Describe(report));
        Assert.That(slow.Message, Is.EqualTo("the query ran longer than the probe's time limit of 0.5s and was cancelled"));
        Assert.That(slow.Duration, Is.LessThan(TimeSpan.FromSeconds(2)));
    }
}
