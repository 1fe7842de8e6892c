using System.Diagnostics;
using System.Globalization;
using ContractKit.Contracts.Values;
using ContractKit.Probes.Observations;
using Npgsql;

namespace ContractKit.Probes.Sources.Postgres.Internal;

/// <summary>One statement of a batch: its SQL text and its positional parameters (<c>$1</c>, <c>$2</c>…).</summary>
/// <param name="Sql">The statement; values only ever as parameters, identifiers quoted.</param>
/// <param name="Parameters">The values of <c>$1</c>, <c>$2</c>… in order.</param>
internal sealed record Statement(string Sql, params object?[] Parameters);

/// <summary>A measurement that ran but whose result is not what the probe needs (two columns, text instead of a number).</summary>
internal sealed class UnusableResultException(string message) : Exception(message);

/// <summary>
/// Runs the probe's statements. Every batch is its own transaction, sent in one round trip:
/// <c>BEGIN TRANSACTION READ ONLY</c>, a local <c>statement_timeout</c> and <c>TimeZone = UTC</c>,
/// the statements, <c>ROLLBACK</c>. Nothing a probe runs can change data. When a statement fails,
/// PostgreSQL skips the rest of the batch and Npgsql rolls the failed transaction back before the
/// connection goes back to the pool. Each batch is one measurement with its own time limit, so a
/// slow query fails only the checks that need it.
/// </summary>
internal sealed class ReadOnlyQueries(NpgsqlDataSource dataSource, Duration statementTimeout, ProbeContext context)
{
    private const string Begin = "begin transaction read only";

    /// <summary>The second statement of every transaction: <c>set_config(…, true)</c> is <c>SET LOCAL</c> with the value as a parameter.</summary>
    private const string Settings = "select pg_catalog.set_config('statement_timeout', $1, true), pg_catalog.set_config('TimeZone', 'UTC', true)";

    private const string End = "rollback";

    /// <summary>
    /// Runs the statements in one read-only transaction and reads their results. The reader is
    /// positioned on the first statement's result set. NpgsqlBatch sends each statement's text
    /// as one protocol message, never split at semicolons, so a text holding several statements
    /// is refused by PostgreSQL instead of running outside the transaction.
    /// </summary>
    public async Task<Observed<T>> RunAsync<T>(IReadOnlyList<Statement> statements, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var limit = context.StepTimeout(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(limit.Token).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Begin));
            batch.BatchCommands.Add(Command(new Statement(Settings, statementTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms")));
            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(Command(statement));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand(End));
            T value;
            var reader = await batch.ExecuteReaderAsync(limit.Token).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                // Past BEGIN (no result set) and the settings (one row).
                while (reader.FieldCount == 0 && await reader.NextResultAsync(limit.Token).ConfigureAwait(false))
                {
                }

                await reader.NextResultAsync(limit.Token).ConfigureAwait(false);
                value = await read(reader, limit.Token).ConfigureAwait(false);
            }

            return Observed<T>.Of(value, stopwatch.Elapsed);
        }
        catch (Exception e) when (e is NpgsqlException or UnusableResultException or TimeoutException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Observed<T>.Failed(context.Redactor.Redact(Describe(e, limit.IsCancellationRequested)), stopwatch.Elapsed);
        }
    }

    /// <summary>Why a statement failed, in one line, without connection details or row data.</summary>
    internal string Describe(Exception e, bool timeLimitReached) => e switch
    {
        _ when timeLimitReached =>
            $"the query ran longer than the probe's time limit of {Seconds(context.Options.CheckTimeout)} and was cancelled",
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } p when p.MessageText.Contains("statement timeout", StringComparison.Ordinal) =>
            $"the query ran longer than the statement timeout of {statementTimeout} and PostgreSQL cancelled it",
        PostgresException p => PostgresErrors.Describe(p),
        UnusableResultException u => u.Message,
        _ => $"the database connection failed: {PostgresErrors.Flatten(e)}",
    };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static NpgsqlBatchCommand Command(Statement statement)
    {
        var command = new NpgsqlBatchCommand(statement.Sql);
        foreach (var value in statement.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}

/// <summary>Driver and server errors as one line each, naming no host, user or password (the redactor removes those too).</summary>
internal static class PostgresErrors
{
    /// <summary>A server error: its code and message (never its DETAIL, which may quote row values), position and hint.</summary>
    public static string Describe(PostgresException e)
    {
        var text = $"PostgreSQL error {e.SqlState}: {e.MessageText}";
        if (e.Position > 0)
        {
            text += $" (at character {e.Position})";
        }

        return e.Hint is { Length: > 0 } hint ? $"{text}; hint: {hint}" : text;
    }

    /// <summary>An exception and its causes, joined: <c>Failed to connect to ***:5432: Connection refused</c>.</summary>
    public static string Flatten(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = current is PostgresException p ? Describe(p) : current.Message.TrimEnd('.');
            if (!parts.Contains(message, StringComparer.Ordinal))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }
}
