namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>A test fixture with a database of its own, seeded once and dropped after the fixture's tests.</summary>
public abstract class PostgresFixture
{
    private PostgresTestDatabase? _db;

    /// <summary>The fixture's database.</summary>
    internal PostgresTestDatabase Db => _db ?? throw new InvalidOperationException("the database is created in OneTimeSetUp");

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _db = await PostgresTestDatabase.CreateAsync();
        await SeedAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        await CleanUpAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    /// <summary>Creates the fixture's tables.</summary>
    protected abstract Task SeedAsync();

    /// <summary>Undoes what the seed did outside the database (roles, server settings).</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}
