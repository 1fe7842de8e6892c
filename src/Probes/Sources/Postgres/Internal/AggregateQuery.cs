using System.Collections.Immutable;
using System.Text;
using ContractKit.Contracts.Values;
using Npgsql;

namespace ContractKit.Probes.Sources.Postgres.Internal;

/// <summary>A count the aggregate query takes over the window: nulls in a column, or duplicate rows over columns.</summary>
internal abstract record AggregateMeasure
{
    /// <summary>The SQL expression, columns quoted.</summary>
    public abstract string ToSql();
}

/// <summary>Rows where the column is null.</summary>
/// <param name="Column">The column's name as the catalog spells it.</param>
internal sealed record NullCount(string Column) : AggregateMeasure
{
    /// <inheritdoc />
    public override string ToSql() => $"count(*) - count({Identifier.Quote(Column)})";
}

/// <summary>
/// Rows beyond the first of each distinct combination of the columns, nulls counting as equal to
/// each other (as the record observer of other sources counts them). Several columns are compared
/// as one row value; one column is compared as itself, with its nulls as one more value, since
/// comparing row values costs about ten times as much.
/// </summary>
/// <param name="Columns">The columns' names as the catalog spells them.</param>
internal sealed record DuplicateCount(ImmutableArray<string> Columns) : AggregateMeasure
{
    /// <inheritdoc />
    public override string ToSql()
    {
        if (Columns.Length == 1)
        {
            var column = Identifier.Quote(Columns[0]);
            return $"count(*) - count(distinct {column}) - (count(*) > count({column}))::int";
        }

        return $"count(*) - count(distinct row({string.Join(", ", Columns.Select(Identifier.Quote))}))";
    }
}

/// <summary>What the aggregate query returned.</summary>
/// <param name="Now">The database's <c>now()</c>: the clock of this measurement.</param>
/// <param name="Newest">The newest event time in the whole table (null: no rows, or not asked).</param>
/// <param name="Rows">Rows in the window (or the table when there is no window); null when the query reads no rows.</param>
/// <param name="Counts">Each measure's count, in the order asked.</param>
internal sealed record AggregateResult(DateTimeOffset Now, DateTimeOffset? Newest, long? Rows, ImmutableArray<long> Counts);

/// <summary>
/// The one query per dataset: <c>now()</c>, the newest event time (a scalar subquery, which
/// PostgreSQL answers from the end of an index on the column), and in one pass over the volume
/// window the row count, null counts and duplicate counts. The window is
/// <c>eventTime &gt; now() - $1 and eventTime &lt;= now()</c>: a range on the bare column, so an
/// index on it applies, with the window length as a parameter. It never returns rows of the table.
/// </summary>
internal sealed class AggregateQuery
{
    private AggregateQuery(Statement statement, bool readsRows, int measures)
    {
        Statement = statement;
        ReadsRows = readsRows;
        MeasureCount = measures;
    }

    /// <summary>The statement.</summary>
    public Statement Statement { get; }

    /// <summary>True when the query scans rows (a count or a measure), false when it only asks for the newest event time.</summary>
    public bool ReadsRows { get; }

    private int MeasureCount { get; }

    /// <summary>Builds the query.</summary>
    /// <param name="table">The table.</param>
    /// <param name="eventTime">The event-time column (a timestamptz, timestamp or date), or null.</param>
    /// <param name="newest">Ask for the newest event time (needs <paramref name="eventTime"/>).</param>
    /// <param name="window">Count only rows of the last window (needs <paramref name="eventTime"/>); null counts the whole table.</param>
    /// <param name="countRows">Count rows even without measures (volume).</param>
    /// <param name="measures">Null and duplicate counts.</param>
    public static AggregateQuery Build(TableName table, string? eventTime, bool newest, TimeSpan? window, bool countRows, IReadOnlyList<AggregateMeasure> measures)
    {
        var sql = new StringBuilder("select now()");
        var column = eventTime is null ? null : Identifier.Quote(eventTime);
        sql.Append(newest && column is not null
            ? $",\n       (select max({column}) from {table.ToSql()})::timestamptz"
            : ",\n       null::timestamptz");
        var readsRows = countRows || measures.Count > 0;
        var parameters = new List<object?>();
        if (readsRows)
        {
            sql.Append(",\n       count(*)");
            foreach (var measure in measures)
            {
                sql.Append(",\n       ").Append(measure.ToSql());
            }

            sql.Append($"\nfrom {table.ToSql()}");
            if (window is { } length && column is not null)
            {
                sql.Append($"\nwhere {column} > now() - $1 and {column} <= now()");
                parameters.Add(length);
            }
        }

        return new AggregateQuery(new Statement(sql.ToString(), [.. parameters]), readsRows, measures.Count);
    }

    /// <summary>Reads the query's one row.</summary>
    public async Task<AggregateResult> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var now = reader.GetFieldValue<DateTimeOffset>(0);
        DateTimeOffset? newest = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
        if (!ReadsRows)
        {
            return new AggregateResult(now, newest, null, []);
        }

        var counts = ImmutableArray.CreateBuilder<long>(MeasureCount);
        for (var i = 0; i < MeasureCount; i++)
        {
            counts.Add(reader.GetInt64(3 + i));
        }

        return new AggregateResult(now, newest, reader.GetInt64(2), counts.MoveToImmutable());
    }
}

/// <summary>Quoting of identifiers that come from the catalog.</summary>
internal static class Identifier
{
    /// <summary>The name in double quotes, inner double quotes doubled: <c>"created_at"</c>, <c>"a""b"</c>.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
