using ContractKit.Probes.Results;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>The schema check of PostgreSQL sources: the catalog's columns against the contract's fields.</summary>
public class PostgresSchemaTests : PostgresFixture
{
    protected override async Task SeedAsync()
    {
        await Db.ExecuteAsync("""
            create type payment_state as enum ('authorized', 'captured', 'failed', 'voided');
            create type payment_state_wide as enum ('authorized', 'captured', 'failed', 'voided', 'refunded');
            create domain cents as bigint not null check (value >= 0);

            create table payments (
                payment_id bigint primary key,
                order_id uuid not null,
                amount_cents cents,
                currency char(3) not null,
                state payment_state not null,
                card_last4 text,
                tags text[],
                meta jsonb,
                created_at timestamptz not null);

            create table drifted (
                payment_id numeric(12,2) not null,   -- integer field: fractions possible
                order_id text not null,              -- uuid field in a text column: fine
                currency varchar(3),                 -- required but nullable
                state payment_state_wide not null,   -- enum allows a value the contract does not
                created_at timestamp not null,       -- no UTC offset: compatible
                legacy_code text);                   -- not in the schema

            create table loose (id numeric(10,0) not null, at date not null, location point);
            create view payments_view as select payment_id, currency, created_at from payments;
            create sequence a_sequence;
            """);
    }

    private const string PaymentsSchema = """
          schema:
            type: object
            required: [payment_id, order_id, amount_cents, currency, state, created_at]
            additionalProperties: false
            properties:
              payment_id: { type: integer }
              order_id: { type: string, format: uuid }
              amount_cents: { type: integer, minimum: 0 }
              currency: { type: string }
              state: { type: string, enum: [authorized, captured, failed, voided] }
              card_last4: { type: [string, "null"], x-pii: true }
              tags: { type: array, items: { type: string } }
              meta: { type: object }
              created_at: { type: string, format: date-time }
        """;

    private Task<ProbeReport> Probe(string table, string schema = PaymentsSchema, string extra = "") =>
        PostgresProbe.RunAsync(PostgresProbe.Contract($$"""
            - name: data
              postgres: { table: {{table}} }
            {{schema}}
            {{extra}}
            """), Db.ConnectionString);

    [Test]
    public async Task Columns_that_match_the_schema_pass()
    {
        var report = await Probe("public.payments");

        var schema = report.Result("schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Pass), PostgresProbe.Describe(report));
        Assert.That(schema.Measured, Is.EqualTo("9 columns, 0 breaking, 0 compatible differences"));
        Assert.That(schema.Evidence, Is.Empty);
    }

    [Test]
    public async Task Drift_is_classified_breaking_or_compatible()
    {
        var report = await Probe("drifted");

        var schema = report.Result("schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        var findings = schema.Evidence.Select(e => e.Description).ToList();
        Assert.That(findings, Is.EqualTo(new[]
        {
            "column payment_id: numeric(12,2) does not fit the field's type integer: its values may have fractions",
            "column amount_cents is missing; the field is required",
            "column currency allows nulls, but the field is required and its type (string) does not allow null",
            "column state: the enum type payment_state_wide allows 'refunded', which the field's enum does not",
            "column legacy_code (text) is not in the schema, which allows no other properties",
            "column card_last4 is missing; the field is optional",
            "column tags is missing; the field is optional",
            "column meta is missing; the field is optional",
            "column created_at: timestamp without time zone has no UTC offset; the probe reads its values as UTC, and records written from it carry no offset",
        }));
        Assert.That(schema.Message, Is.EqualTo(findings[0]), "the message names a breaking finding");
        Assert.That(schema.Evidence[0].Location, Is.EqualTo("public.drifted.payment_id"));
        Assert.That(schema.Measured, Is.EqualTo("6 columns, 5 breaking, 4 compatible differences"));
    }

    [Test]
    public async Task An_extra_column_in_an_open_schema_is_compatible_drift()
    {
        var report = await Probe("loose", """
              schema:
                type: object
                required: [id, at]
                properties:
                  id: { type: integer }
                  at: { type: string, format: date }
            """);

        var schema = report.Result("schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Warn), PostgresProbe.Describe(report));
        Assert.That(schema.Evidence.Select(e => e.Description), Is.EqualTo(new[] { "column location (point) is not in the schema" }));
    }

    [Test]
    public async Task A_type_the_mapping_does_not_know_warns_instead_of_passing()
    {
        var report = await Probe("loose", """
              schema:
                type: object
                properties:
                  id: { type: integer }
                  at: { type: string, format: date }
                  location: { type: string }
            """);

        var schema = report.Result("schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Warn), PostgresProbe.Describe(report));
        Assert.That(schema.Evidence.Select(e => e.Description), Is.EqualTo(new[]
        {
            "column location: the probe does not map the PostgreSQL type point to JSON types, so it was not compared with the field's type string",
        }));
        Assert.That(schema.Evidence.Select(e => e.Location), Is.EqualTo(new[] { "public.loose.location" }));
    }

    [Test]
    public async Task View_columns_are_compared_without_nullability()
    {
        var report = await Probe("payments_view", """
              schema:
                type: object
                required: [payment_id, currency, created_at]
                properties:
                  payment_id: { type: integer }
                  currency: { type: string }
                  created_at: { type: string, format: date-time }
            """);

        Assert.That(report.Result("schema").Status, Is.EqualTo(CheckStatus.Pass), PostgresProbe.Describe(report));
    }

    [Test]
    public async Task A_missing_table_fails_the_schema_and_makes_every_other_check_an_error()
    {
        var report = await Probe("public.no_such_table", extra: """
              eventTime: created_at
              freshness: { warn: 10m, fail: 1h }
              volume: { per: 1h, min: 1 }
              quality:
                - { check: nullRate, field: currency, max: 0% }
                - { check: sql, name: anything, query: "select 1", max: 1 }
            """);

        var schema = report.Result("schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Message, Is.EqualTo("the table public.no_such_table does not exist"));
        var others = report.Results.Where(r => r.CheckId != "schema").ToList();
        Assert.That(others.Select(r => r.CheckId), Is.EquivalentTo(new[] { "freshness", "volume", "nullRate:currency", "sql:anything" }));
        Assert.That(others.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error));
        Assert.That(others.Select(r => r.Message), Is.All.EqualTo("the table public.no_such_table does not exist"));
    }

    [Test]
    public async Task A_sequence_is_not_a_table()
    {
        var report = await Probe("a_sequence");

        Assert.That(report.Result("schema").Message, Is.EqualTo("public.a_sequence is a sequence, not a table or view"));
    }
}
