using System.Diagnostics;
using System.Text.Json;
using ContractKit.Probes.Results;
using Npgsql;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>
/// Connection failures and secret redaction, with a role that logs in with a password. The test
/// server trusts every local connection, so this fixture puts one pg_hba.conf line in front that
/// asks its own role for a password in its own database, and removes it afterwards.
/// </summary>
public class PostgresConnectionTests : PostgresFixture
{
    private readonly string _role = "ck_probe_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _password = "Pw-" + Guid.NewGuid().ToString("N");
    private string _hbaFile = null!;
    private string _hbaBefore = null!;

    protected override async Task SeedAsync()
    {
        await PostgresTestDatabase.AdminAsync($"create role {_role} login password '{_password}'");
        await Db.ExecuteAsync($"""
            create table payments (payment_id bigint not null, currency text not null, created_at timestamptz not null);
            insert into payments values (1, 'EUR', now());
            create table restricted (id bigint not null, created_at timestamptz not null);
            grant select on payments to {_role};
            """);

        _hbaFile = await Db.ScalarAsync<string>("show hba_file");
        _hbaBefore = await File.ReadAllTextAsync(_hbaFile);
        await File.WriteAllTextAsync(_hbaFile, $"host {Db.Name} {_role} 127.0.0.1/32 scram-sha-256\n" + _hbaBefore);
        await Db.ExecuteAsync("select pg_reload_conf()");
        await WaitUntilPasswordsAreCheckedAsync();
    }

    protected override async Task CleanUpAsync()
    {
        if (_hbaBefore is not null)
        {
            await File.WriteAllTextAsync(_hbaFile, _hbaBefore);
            await Db.ExecuteAsync("select pg_reload_conf()");
        }

        // The role's grants live in the fixture's database; revoke them so the role can go first.
        await Db.ExecuteAsync($"drop owned by {_role}");
        await PostgresTestDatabase.AdminAsync($"drop role if exists {_role}");
    }

    private string ConnectionString(string? password = null, int? port = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Username = _role, Password = password ?? _password };
        if (port is { } p)
        {
            builder.Port = p;
        }

        return builder.ConnectionString;
    }

    private async Task WaitUntilPasswordsAreCheckedAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString(password: "wrong") + ";Pooling=false");
                await connection.OpenAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server did not start asking for passwords after pg_reload_conf()");
    }

    private static readonly string Datasets = """
        - name: payments
          postgres: { table: payments }
          schema:
            type: object
            required: [payment_id, currency, created_at]
            properties:
              payment_id: { type: integer }
              currency: { type: string }
              created_at: { type: string, format: date-time }
          eventTime: created_at
          freshness: { warn: 10m, fail: 1h }
          volume: { per: 1h, min: 1 }
          quality:
            - { check: nullRate, field: currency, max: 0% }
            - { check: sql, name: user_in_message, query: "select current_user::text::int", max: 0 }
        - name: restricted
          postgres: { table: restricted }
          schema:
            type: object
            properties:
              id: { type: integer }
              created_at: { type: string, format: date-time }
          eventTime: created_at
          volume: { per: 1h, min: 0 }
          quality:
            - { check: sql, name: forbidden, query: "select count(*) from restricted", max: 0 }
        """;

    [Test]
    public async Task A_role_with_the_right_password_is_probed_and_denied_what_it_may_not_read()
    {
        var report = await PostgresProbe.RunAsync(PostgresProbe.Contract(Datasets), ConnectionString());

        Assert.That(report.Result("freshness", "payments").Status, Is.EqualTo(CheckStatus.Pass), PostgresProbe.Describe(report));
        Assert.That(report.Result("schema", "restricted").Status, Is.EqualTo(CheckStatus.Pass), "the catalog is readable without the table's privilege");
        Assert.That(report.Result("volume", "restricted").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(report.Result("volume", "restricted").Message, Is.EqualTo("PostgreSQL error 42501: permission denied for table restricted"));
        Assert.That(report.Result("sql:forbidden").Message, Is.EqualTo("PostgreSQL error 42501: permission denied for table restricted"));
    }

    [Test]
    public async Task A_wrong_password_makes_every_check_an_error_that_names_the_reference()
    {
        var report = await PostgresProbe.RunAsync(PostgresProbe.Contract(Datasets), ConnectionString(password: "not-the-password"));

        Assert.That(report.Results, Has.Length.EqualTo(8));
        Assert.That(report.Results.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error));
        Assert.That(report.Results.Select(r => r.Message), Is.All.EqualTo(
            "cannot connect to the database in ${env:CK_TEST_DB}: PostgreSQL error 28P01: password authentication failed for user \"***\""));
    }

    [Test]
    public async Task A_wrong_port_is_an_error_that_names_the_problem()
    {
        var report = await PostgresProbe.RunAsync(PostgresProbe.Contract(Datasets), ConnectionString(port: FreePort()));

        Assert.That(report.Results.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error));
        Assert.That(report.Results[0].Message, Does.StartWith("cannot connect to the database in ${env:CK_TEST_DB}: Failed to connect to ***:"));
        Assert.That(report.Results[0].Message, Does.Contain("Connection refused"));
    }

    [Test]
    public async Task A_missing_variable_is_an_error_that_names_it()
    {
        var report = await PostgresProbe.RunAsync(PostgresProbe.Contract(Datasets), connectionString: null);

        Assert.That(report.Results.Select(r => r.Status), Is.All.EqualTo(CheckStatus.Error));
        Assert.That(report.Results[0].Message, Is.EqualTo("the environment variable CK_TEST_DB is not set (referenced as ${env:CK_TEST_DB})"));
    }

    [Test]
    public async Task A_url_instead_of_a_connection_string_is_an_error_without_its_password()
    {
        var url = $"postgres://{_role}:{_password}@127.0.0.1/{Db.Name}";
        var report = await PostgresProbe.RunAsync(PostgresProbe.Contract(Datasets), url);

        Assert.That(report.Results[0].Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(report.Results[0].Message, Does.StartWith("the value of ${env:CK_TEST_DB} is not an Npgsql connection string"));
        AssertNoSecret(report, url, [_password]);
    }

    [TestCase("right password")]
    [TestCase("wrong password")]
    [TestCase("wrong port")]
    public async Task The_password_and_the_connection_string_appear_nowhere_in_results_or_traces(string situation)
    {
        var connectionString = situation switch
        {
            "wrong password" => ConnectionString(password: _password + "-old"),
            "wrong port" => ConnectionString(port: FreePort()),
            _ => ConnectionString(),
        };
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("ContractKit", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var report = await PostgresProbe.RunAsync(PostgresProbe.Contract(Datasets), connectionString);

        Assert.That(spans, Is.Not.Empty);
        var traces = string.Join("\n", spans.Select(s => $"{s.DisplayName} {s.StatusDescription} {string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}"));
        AssertNoSecret(report, connectionString, [_password, _password + "-old", _role], traces);
        if (situation == "right password")
        {
            // The one message that would quote the user name: the value of current_user in a cast error.
            Assert.That(report.Result("sql:user_in_message").Message, Is.EqualTo("PostgreSQL error 22P02: invalid input syntax for type integer: \"***\""));
        }
    }

    private static void AssertNoSecret(ProbeReport report, string connectionString, string[] secrets, string traces = "")
    {
        var everything = JsonSerializer.Serialize(report) + "\n" + traces;
        Assert.That(everything, Does.Not.Contain(connectionString));
        foreach (var secret in secrets)
        {
            Assert.That(everything, Does.Not.Contain(secret));
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
