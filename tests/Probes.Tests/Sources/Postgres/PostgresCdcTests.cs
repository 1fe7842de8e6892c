using ContractKit.Probes.Results;
using Npgsql.Replication;
using Npgsql.Replication.TestDecoding;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>CDC health: a logical replication slot that exists, has a consumer and keeps up.</summary>
public class PostgresCdcTests : PostgresFixture
{
    protected override async Task SeedAsync()
    {

        // Both slots fall behind by the WAL of the insert: a few MB that no consumer confirms.
        // A slot is created outside any transaction that wrote, so each statement runs alone.
        await Db.ExecuteAsync("create table payments (payment_id bigint not null, note text)");
        await Db.ExecuteAsync("select pg_create_logical_replication_slot('idle_slot', 'test_decoding')");
        await Db.ExecuteAsync("select pg_create_logical_replication_slot('busy_slot', 'test_decoding')");
        await Db.ExecuteAsync("insert into payments select g, repeat('x', 100) from generate_series(1, 20000) g");
    }

    private Task<ProbeReport> Probe(string cdc) =>
        PostgresProbe.RunAsync(PostgresProbe.Contract($$"""
            - name: payments
              postgres: { table: payments }
              schema:
                type: object
                properties:
                  payment_id: { type: integer }
                  note: { type: string }
              cdc: {{cdc}}
            """), Db.ConnectionString);

    [TestCase("{ slot: no_such_slot, maxLag: 64MB }", "cdc:no_such_slot", CheckStatus.Fail, "there is no replication slot named no_such_slot")]
    [TestCase("{ slot: idle_slot, maxLag: 1GB }", "cdc:idle_slot", CheckStatus.Warn, "no consumer is connected to the slot; WAL is retained until one is")]
    public async Task A_missing_slot_fails_and_one_without_consumer_warns(string cdc, string id, CheckStatus expected, string message)
    {
        var report = await Probe(cdc);

        var result = report.Result(id);
        Assert.That(result.Status, Is.EqualTo(expected), PostgresProbe.Describe(report));
        Assert.That(result.Message, Is.EqualTo(message));
    }

    [Test]
    public async Task A_slot_behind_by_more_than_max_lag_fails()
    {
        var report = await Probe("{ slot: idle_slot, maxLag: 1MB }");

        var cdc = report.Result("cdc:idle_slot");
        Assert.That(cdc.Status, Is.EqualTo(CheckStatus.Fail), PostgresProbe.Describe(report));
        Assert.That(cdc.Measured, Does.Match(@"^lag \d+(\.\d)? MB, inactive$"));
        Assert.That(cdc.Value, Is.GreaterThan(1 << 20));
        Assert.That(cdc.Unit, Is.EqualTo("By"));
    }

    [TestCase("{ slot: busy_slot, maxLag: 1GB, warnLag: 1MB }", CheckStatus.Warn)]
    [TestCase("{ slot: busy_slot, maxLag: 1GB, warnLag: 512MB }", CheckStatus.Pass)]
    public async Task A_consumed_slot_passes_or_warns_by_its_lag(string cdc, CheckStatus expected)
    {
        await using var replication = new LogicalReplicationConnection(Db.ConnectionString);
        await replication.Open();
        using var stop = new CancellationTokenSource();

        // A consumer that reads but never confirms: the slot is active and stays behind.
        var consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in replication.StartReplication(new TestDecodingReplicationSlot("busy_slot"), stop.Token))
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        for (var i = 0; i < 100 && !await Db.ScalarAsync<bool>("select active from pg_replication_slots where slot_name = 'busy_slot'"); i++)
        {
            await Task.Delay(50);
        }

        var report = await Probe(cdc);
        await stop.CancelAsync();
        await consumer;

        var result = report.Result("cdc:busy_slot");
        Assert.That(result.Status, Is.EqualTo(expected), PostgresProbe.Describe(report));
        Assert.That(result.Measured, Does.EndWith(", active"));
    }
}
