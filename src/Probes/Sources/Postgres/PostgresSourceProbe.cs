using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Probes.Sources.Postgres.Internal;
using Npgsql;

namespace ContractKit.Probes.Sources.Postgres;

/// <summary>
/// PostgreSQL databases, through Npgsql: one data source (connection pool) per probe run, opened
/// once to check that the database answers, disposed with the session. Every statement runs in a
/// READ ONLY transaction under the contract's <c>statementTimeout</c> (see <see cref="ReadOnlyQueries"/>).
/// The connection string, its password, user name and host are registered with the redactor before
/// Npgsql sees them, so no driver message can carry them out.
/// </summary>
internal sealed class PostgresSourceProbe : ISourceProbe
{
    private const string ApplicationName = "contractkit-probe";

    public SourceKind Kind => SourceKind.Postgres;

    public async Task<ISourceSession> OpenAsync(Contract contract, ProbeContext context, CancellationToken cancellationToken)
    {
        var source = (PostgresSource)contract.Source;
        var settings = await ResolveAsync(source, context, cancellationToken).ConfigureAwait(false);
        var dataSource = NpgsqlDataSource.Create(settings);
        using var limit = context.StepTimeout(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            var reason = limit.IsCancellationRequested
                ? $"no answer within {context.Options.CheckTimeout.TotalSeconds:0.#}s"
                : PostgresErrors.Flatten(e);
            throw new ProbeConfigurationException(context.Redactor.Redact($"cannot connect to the database in {source.Connection}: {reason}"));
        }

        // One read-only transaction before any dataset: a database (or pooler) that cannot run one
        // is a configuration problem of the whole source, reported once.
        var queries = new ReadOnlyQueries(dataSource, source.StatementTimeout, context);
        var answer = await queries.RunAsync([new Statement("select now()")], ReadNowAsync, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new ProbeConfigurationException($"the database in {source.Connection} does not run the probe's read-only transaction: {answer.Error}");
        }

        return new PostgresSession(dataSource, queries, context);
    }

    private static async Task<DateTimeOffset> ReadNowAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    /// <summary>Resolves the connection string, registers every part of it that could leak, and fixes the settings probes rely on.</summary>
    private static async Task<NpgsqlConnectionStringBuilder> ResolveAsync(PostgresSource source, ProbeContext context, CancellationToken cancellationToken)
    {
        var secret = await context.ResolveAsync(source.Connection, cancellationToken).ConfigureAwait(false);
        var text = secret.Reveal();
        context.Redactor.Register(text);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ProbeConfigurationException(context.Redactor.Redact(
                $"the value of {source.Connection} is not an Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…; postgres:// URLs are not accepted): {e.Message}"));
        }

        context.Redactor.Register(builder.Password);
        context.Redactor.Register(builder.SslPassword);
        context.Redactor.Register(builder.Username);
        context.Redactor.Register(builder.Host);
        foreach (var host in builder.Host?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        {
            context.Redactor.Register(host);
            context.Redactor.Register(host.Split(':')[0]);
        }

        // Row values stay out of messages: PostgreSQL's DETAIL lines and the failed statement text.
        builder.IncludeErrorDetail = false;
        builder.IncludeFailedBatchedCommand = false;
        builder.ApplicationName ??= ApplicationName;

        // The pool is the probe's own and every setting it makes is transaction-local: no DISCARD ALL.
        builder.NoResetOnClose = true;
        context.Redactor.Register(builder.ConnectionString);
        return builder;
    }
}
