using ContractKit.Contracts.Model.Quality;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>
/// Probes never write. Lint rejects queries that look like writes; these checks are built by hand to
/// get past lint, and run as the superuser, so only the probe's READ ONLY transaction (and sending
/// each query as one statement) stands between them and the data.
/// </summary>
public class PostgresReadOnlyTests : PostgresFixture
{
    protected override async Task SeedAsync()
    {
        await Db.ExecuteAsync("""
            create table t (id bigint not null);
            insert into t values (1), (2), (3);
            create sequence s;
            create function write_row() returns bigint language plpgsql as $$
            begin
                insert into t values (42);
                return 1;
            end $$;
            """);
    }

    private static readonly string[] Writes =
    [
        "select nextval('s')",
        "with x as (insert into t values (99) returning 1) select count(*) from x",
        "select write_row()",
        "select count(*) from t; insert into t values (99)",
        "select 1; commit; insert into t values (99); select 1",
        "select set_config('transaction_read_only', 'off', true)::int",
        "select id from t where id = 1 for update",
    ];

    [Test]
    public async Task Sql_checks_that_try_to_write_fail_and_change_nothing()
    {
        using var folder = new TempFolder();
        var contract = await PostgresProbe.LoadAsync(PostgresProbe.Contract("""
            - name: t
              postgres: { table: t }
              schema: { type: object, properties: { id: { type: integer } } }
              quality:
                - { check: sql, name: reads, query: "select count(*) from t", min: 3, max: 3 }
            """), folder);
        var dataset = contract.Datasets[0];
        var checks = dataset.Quality.AddRange(Writes.Select((query, i) => new SqlCheck($"write{i}", query, null, 0) { Pointer = $"/datasets/0/quality/{i + 1}" }));
        contract = contract with { Datasets = [dataset with { Quality = checks }] };

        var report = await PostgresProbe.RunAsync(contract, Db.ConnectionString);

        Assert.That(report.Result("sql:reads").Status, Is.EqualTo(CheckStatus.Pass), PostgresProbe.Describe(report));
        var writes = report.Results.Where(r => r.CheckId.StartsWith("sql:write", StringComparison.Ordinal)).ToList();
        Assert.That(writes, Has.Count.EqualTo(Writes.Length));
        Assert.That(writes.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error), PostgresProbe.Describe(report));
        Assert.That(writes.Select(r => r.Message), Is.EqualTo(new[]
        {
            "PostgreSQL error 25006: cannot execute nextval() in a read-only transaction",
            "PostgreSQL error 25006: cannot execute SELECT in a read-only transaction",
            "PostgreSQL error 25006: cannot execute INSERT in a read-only transaction",
            "PostgreSQL error 42601: cannot insert multiple commands into a prepared statement",
            "PostgreSQL error 42601: cannot insert multiple commands into a prepared statement",
            "PostgreSQL error 25001: transaction read-write mode must be set before any query",
            "PostgreSQL error 25006: cannot execute SELECT FOR UPDATE in a read-only transaction",
        }));

        Assert.That(await Db.ScalarAsync<long>("select count(*) from t"), Is.EqualTo(3));
        Assert.That(await Db.ScalarAsync<bool>("select is_called from s"), Is.False, "nextval never ran");
    }
}
