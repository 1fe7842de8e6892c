using Npgsql;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>
/// A database of its own on the server ./test.sh started (unique name), for one test fixture;
/// disposing it drops its replication slots and the database.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A superuser connection string for it.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var name = "ck_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"create database {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgresTests.ConnectionString) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(name, connectionString);
    }

    /// <summary>Runs statements against the server's maintenance database (roles, databases).</summary>
    public static async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(TestPostgresTests.ConnectionString);
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        // A logical slot keeps its database from being dropped; a consumer that just stopped
        // releases its slot a moment later.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await ExecuteAsync("select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = current_database() and not active");
            if (await ScalarAsync<long>("select count(*) from pg_replication_slots where database = current_database()") == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        await _dataSource.DisposeAsync();
        await AdminAsync($"drop database if exists {Name} with (force)");
    }
}
