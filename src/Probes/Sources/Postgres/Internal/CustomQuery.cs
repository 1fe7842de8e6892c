using ContractKit.Contracts.Model.Quality;
using Npgsql;

namespace ContractKit.Probes.Sources.Postgres.Internal;

/// <summary>
/// A contract's own <c>sql</c> check: its text runs unchanged as one statement (see
/// <see cref="ReadOnlyQueries"/> for what keeps it from writing) and must return one row with one
/// number.
/// </summary>
internal static class CustomQuery
{
    /// <summary>The statement of a check.</summary>
    public static IReadOnlyList<Statement> For(SqlCheck check) => [new Statement(check.Query)];

    /// <summary>Reads the one number.</summary>
    /// <exception cref="UnusableResultException">Not one row with one number.</exception>
    public static async Task<decimal> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (reader.FieldCount != 1)
        {
            throw new UnusableResultException($"the query returned {reader.FieldCount} columns; a sql check returns one number");
        }

        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new UnusableResultException("the query returned no row; a sql check returns one number");
        }

        var type = reader.GetDataTypeName(0);
        if (reader.IsDBNull(0))
        {
            throw new UnusableResultException("the query returned null; a sql check returns one number (wrap it in coalesce(…, 0) if none means zero)");
        }

        decimal value;
        try
        {
            value = reader.GetValue(0) switch
            {
                short s => s,
                int i => i,
                long l => l,
                decimal d => d,
                float f when float.IsFinite(f) => (decimal)f,
                double d when double.IsFinite(d) => (decimal)d,
                _ => throw new UnusableResultException($"the query returned a {type}, not a number; a sql check returns one number"),
            };
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or NotSupportedException)
        {
            throw new UnusableResultException($"the query returned a {type} that is not a finite number");
        }

        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new UnusableResultException("the query returned more than one row; a sql check returns one number");
        }

        return value;
    }
}
