using Npgsql;

namespace ContractKit.Probes.Tests;

/// <summary>
/// The probe tests run against the throwaway PostgreSQL that ./test.sh starts. This checks the
/// promise test.sh makes: a version-15 server on loopback, with logical decoding enabled for the
/// replication-slot checks.
/// </summary>
public class TestPostgresTests
{
    internal static string ConnectionString =>
        Environment.GetEnvironmentVariable("CONTRACTKIT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CONTRACTKIT_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL");

    [Test]
    public async Task Test_sh_provides_postgres_15_with_logical_decoding()
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var connection = await source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select current_setting('server_version_num')::int, current_setting('wal_level'), inet_server_addr()::text", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        Assert.That(reader.GetInt32(0) / 10000, Is.EqualTo(15));
        Assert.That(reader.GetString(1), Is.EqualTo("logical"));
        Assert.That(reader.GetString(2), Does.StartWith("127.0.0.1"));
    }
}
