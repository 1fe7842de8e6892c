using System.Collections.Immutable;
using ContractKit.Contracts.Values;
using Npgsql;

namespace ContractKit.Probes.Sources.Postgres.Internal;

/// <summary>What the catalog says about a dataset's table.</summary>
/// <param name="Now">The database's <c>now()</c>.</param>
/// <param name="Kind">pg_class.relkind (<c>r</c> table, <c>p</c> partitioned, <c>v</c> view, <c>m</c> materialized view, <c>f</c> foreign), or null when no relation has the name.</param>
/// <param name="RowEstimate"><c>coalesce(nullif(reltuples, -1), n_live_tup)</c>; null when the catalog has neither.</param>
/// <param name="EventTimeIndexed">True when a valid, non-partial btree index starts with the event-time column.</param>
/// <param name="Columns">The columns in table order.</param>
internal sealed record TableFacts(DateTimeOffset Now, char? Kind, double? RowEstimate, bool EventTimeIndexed, ImmutableArray<ColumnFacts> Columns)
{
    /// <summary>True for relations that hold rows and can be queried (tables, views, materialized views, foreign tables).</summary>
    public bool Exists => Kind is 'r' or 'p' or 'v' or 'm' or 'f';

    /// <summary>True when the relation can have indexes of its own (not views or foreign tables).</summary>
    public bool HasIndexes => Kind is 'r' or 'p' or 'm';

    /// <summary>True when its columns carry NOT NULL constraints; views and materialized views never declare them.</summary>
    public bool HasNotNullConstraints => Kind is 'r' or 'p' or 'f';

    /// <summary>The column with this exact name, or null.</summary>
    public ColumnFacts? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>What the relation is, for messages.</summary>
    public string KindName => Kind switch
    {
        'r' => "table",
        'p' => "partitioned table",
        'v' => "view",
        'm' => "materialized view",
        'f' => "foreign table",
        'S' => "sequence",
        'i' or 'I' => "index",
        'c' => "composite type",
        't' => "TOAST table",
        _ => "relation",
    };
}

/// <summary>A column as the catalog describes it (domains resolved to their base type).</summary>
/// <param name="Name">pg_attribute.attname.</param>
/// <param name="DisplayType">format_type(): <c>numeric(12,2)</c>, <c>timestamp with time zone</c>, the domain's name.</param>
/// <param name="TypeName">The base type's pg_type.typname: <c>int4</c>, <c>timestamptz</c>, <c>_text</c>.</param>
/// <param name="TypeType">The base type's typtype: <c>b</c> base, <c>c</c> composite, <c>e</c> enum, <c>r</c>/<c>m</c> range.</param>
/// <param name="Category">The base type's typcategory: <c>A</c> array, <c>S</c> string, <c>N</c> numeric…</param>
/// <param name="NotNull">True when NOT NULL (on the column or its domain).</param>
/// <param name="TypeModifier">The type modifier (<c>-1</c> when none); gives numeric's scale.</param>
/// <param name="EnumLabels">An enum type's labels, in order; empty for other types.</param>
internal sealed record ColumnFacts(string Name, string DisplayType, string TypeName, char TypeType, char Category, bool NotNull, int TypeModifier, ImmutableArray<string> EnumLabels)
{
    /// <summary>numeric's declared scale, or null when unconstrained (<c>numeric</c> without a typmod) or not numeric.</summary>
    public int? NumericScale => TypeName == "numeric" && TypeModifier >= 4 ? (TypeModifier - 4) & 0xFFFF : null;
}

/// <summary>The catalog queries. Names travel as parameters: the table as its quoted text for <c>to_regclass</c>.</summary>
internal static class Catalog
{
    /// <summary>
    /// The relation, <c>now()</c>, a size estimate and whether a btree index leads with the
    /// event-time column ($2, null for none). The estimate is <c>coalesce(nullif(reltuples, -1),
    /// n_live_tup)</c>, with n_live_tup read by its function: the pg_stat_all_tables view
    /// aggregates index statistics too and doubled the query's time in a fresh backend.
    /// </summary>
    private const string RelationSql = """
        select now(),
               c.relkind::text,
               coalesce(nullif(c.reltuples, -1)::float8, pg_catalog.pg_stat_get_live_tuples(c.oid)::float8),
               exists (
                   select 1
                   from pg_catalog.pg_index i
                   join pg_catalog.pg_class ic on ic.oid = i.indexrelid
                   join pg_catalog.pg_am am on am.oid = ic.relam
                   join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                   where i.indrelid = c.oid and a.attname = $2 and am.amname = 'btree'
                     and i.indisvalid and i.indisready and i.indpred is null)
        from (select pg_catalog.to_regclass($1) as oid) r
        left join pg_catalog.pg_class c on c.oid = r.oid
        """;

    /// <summary>The columns, with domains resolved to their base type and enum labels listed.</summary>
    private const string ColumnsSql = """
        select a.attname::text,
               pg_catalog.format_type(a.atttypid, a.atttypmod),
               bt.typname::text,
               bt.typtype::text,
               bt.typcategory::text,
               a.attnotnull or t.typnotnull,
               case when t.typtype = 'd' then t.typtypmod else a.atttypmod end,
               case when bt.typtype = 'e' then array(
                   select e.enumlabel::text from pg_catalog.pg_enum e where e.enumtypid = bt.oid order by e.enumsortorder) end
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_type t on t.oid = a.atttypid
        join pg_catalog.pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
        where a.attrelid = pg_catalog.to_regclass($1) and a.attnum > 0 and not a.attisdropped
        order by a.attnum
        """;

    /// <summary>The two catalog statements for a table, in one round trip.</summary>
    public static IReadOnlyList<Statement> For(TableName table, string? eventTimeColumn) =>
        [new Statement(RelationSql, table.ToSql(), eventTimeColumn), new Statement(ColumnsSql, table.ToSql())];

    /// <summary>Reads the results of <see cref="For"/>.</summary>
    public static async Task<TableFacts> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var now = reader.GetFieldValue<DateTimeOffset>(0);
        char? kind = reader.IsDBNull(1) ? null : reader.GetString(1)[0];
        double? estimate = reader.IsDBNull(2) ? null : reader.GetDouble(2);
        var indexed = !reader.IsDBNull(3) && reader.GetBoolean(3);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var columns = ImmutableArray.CreateBuilder<ColumnFacts>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(new ColumnFacts(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)[0], reader.GetString(4)[0],
                reader.GetBoolean(5), reader.GetInt32(6), reader.IsDBNull(7) ? [] : [.. reader.GetFieldValue<string[]>(7)]));
        }

        return new TableFacts(now, kind, estimate, indexed, columns.ToImmutable());
    }
}

/// <summary>The replication-slot query: exists, active, and WAL bytes the consumer has not confirmed.</summary>
internal static class ReplicationSlots
{
    /// <summary>
    /// Logical slots lag from <c>confirmed_flush_lsn</c>, physical ones from <c>restart_lsn</c>.
    /// On a standby the current position is the last WAL received.
    /// </summary>
    private const string Sql = """
        select s.active,
               coalesce(pg_catalog.pg_wal_lsn_diff(
                   case when pg_catalog.pg_is_in_recovery() then pg_catalog.pg_last_wal_receive_lsn() else pg_catalog.pg_current_wal_lsn() end,
                   coalesce(s.confirmed_flush_lsn, s.restart_lsn)), 0)::bigint
        from pg_catalog.pg_replication_slots s
        where s.slot_name = $1
        """;

    /// <summary>The statement for one slot.</summary>
    public static IReadOnlyList<Statement> For(string slot) => [new Statement(Sql, slot)];

    /// <summary>Reads the slot's state; a slot that does not exist is a state too.</summary>
    public static async Task<Observations.ReplicationSlotState> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Observations.ReplicationSlotState(true, reader.GetBoolean(0), reader.GetInt64(1))
            : new Observations.ReplicationSlotState(false, false, 0);
}
