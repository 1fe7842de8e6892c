using System.Collections.Immutable;
using System.Globalization;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Values;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Results;
using ContractKit.Probes.Sources.Postgres.Internal;
using Npgsql;

namespace ContractKit.Probes.Sources.Postgres;

/// <summary>
/// Measures one dataset with at most four kinds of statement, each its own read-only transaction:
/// the catalog (columns, size estimate, event-time index), one aggregate query (newest event time,
/// rows, null and duplicate counts over the volume window), each custom SQL check, and the
/// replication slot.
/// </summary>
internal sealed class PostgresSession(NpgsqlDataSource dataSource, ReadOnlyQueries queries, ProbeContext context) : ISourceSession
{
    private static readonly string[] EventTimeTypes = ["timestamptz", "timestamp", "date"];

    public async Task<DatasetObservation> ObserveAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        var table = ((PostgresLocation)dataset.Location).Table;
        var eventTime = dataset.EventTime is { IsTopLevel: true } path ? path.Name : null;
        var catalog = await queries.RunAsync(Catalog.For(table, eventTime), Catalog.ReadAsync, cancellationToken).ConfigureAwait(false);
        if (!catalog.Succeeded)
        {
            return DatasetObservation.Unavailable(context.LocalClock(), $"reading the catalog entry of {table} failed: {catalog.Error}");
        }

        var facts = catalog.Value!;
        var slot = dataset.Cdc is { } cdc
            ? await queries.RunAsync(ReplicationSlots.For(cdc.Slot), ReplicationSlots.ReadAsync, cancellationToken).ConfigureAwait(false)
            : null;
        if (!facts.Exists)
        {
            return Missing(dataset, table, facts, catalog.Duration, slot);
        }

        var plan = Plan(dataset, table, facts);
        Observed<AggregateResult>? aggregate = null;
        if (plan.Query is { } query)
        {
            aggregate = await queries.RunAsync([query.Statement], query.ReadAsync, cancellationToken).ConfigureAwait(false);
        }

        var quality = ImmutableDictionary.CreateBuilder<string, Observed<QualityMeasurement>>(StringComparer.Ordinal);
        foreach (var check in dataset.Quality)
        {
            quality[check.Id] = check is SqlCheck sql
                ? await RunAsync(sql, cancellationToken).ConfigureAwait(false)
                : Measured(plan, aggregate, check.Id, (result, i) => new QualityMeasurement(result.Counts[i], result.Rows));
        }

        var now = aggregate is { Succeeded: true } ? aggregate.Value!.Now : facts.Now;
        return new DatasetObservation
        {
            Clock = new ProbeClock(now, ClockSource.Source, "database now()"),
            Schema = Observed<SchemaObservation>.Of(ColumnComparison.Compare(dataset, table, facts), catalog.Duration),
            NewestEventTime = dataset.Freshness is null ? null : Measured(plan, aggregate, Freshness, (result, _) => result.Newest),
            RecordsInWindow = dataset.Volume is null ? null : Measured(plan, aggregate, Volume, (result, _) => result.Rows ?? 0),
            Quality = quality.ToImmutable(),
            ReplicationSlot = slot,
            Warnings = plan.Warnings,
            Notes = plan.Notes,
        };
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private const string Freshness = "freshness";
    private const string Volume = "volume";

    /// <summary>What the aggregate query asks, and why a measurement cannot be taken.</summary>
    /// <param name="Query">The query, or null when nothing needs it.</param>
    /// <param name="Ordinals">Each quality check's position among the query's measures.</param>
    /// <param name="Problems">Measurements (freshness, volume, quality check ids) that cannot be taken, and why.</param>
    /// <param name="Warnings">What makes the measurement expensive.</param>
    /// <param name="Notes">The table's size and what the counts cover.</param>
    private sealed record MeasurementPlan(
        AggregateQuery? Query, ImmutableDictionary<string, int> Ordinals, ImmutableDictionary<string, string> Problems,
        ImmutableArray<string> Warnings, ImmutableArray<string> Notes);

    private static MeasurementPlan Plan(Dataset dataset, TableName table, TableFacts facts)
    {
        var problems = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var notes = ImmutableArray.CreateBuilder<string>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var size = facts.RowEstimate is { } rows
            ? $"about {rows.ToString("N0", CultureInfo.InvariantCulture)} rows by the catalog's estimate"
            : "no size estimate in the catalog";
        notes.Add($"{table} is a {facts.KindName}, {size}");

        var eventTime = EventTimeColumn(dataset, table, facts, out var eventTimeProblem);
        if (eventTimeProblem is not null)
        {
            problems[Freshness] = eventTimeProblem;
            problems[Volume] = eventTimeProblem;
        }
        else if (eventTime is not null && (dataset.Freshness is not null || dataset.Volume is not null))
        {
            if (!facts.HasIndexes)
            {
                notes.Add($"{table} is a {facts.KindName}: whether an index serves {eventTime} depends on what it reads; not checked");
            }
            else if (!facts.EventTimeIndexed)
            {
                warnings.Add($"no index on {eventTime}: freshness and volume scan the whole table ({size})");
            }
        }

        var measures = new List<AggregateMeasure>();
        var ordinals = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var check in dataset.Quality)
        {
            var fields = check switch
            {
                NullRateCheck n => [n.Field],
                DuplicatesCheck d => d.Fields,
                _ => ImmutableArray<FieldPath>.Empty,
            };
            if (fields.IsEmpty)
            {
                continue;
            }

            if (fields.Select(f => ColumnProblem(f, table, facts)).OfType<string>().FirstOrDefault() is { } problem)
            {
                problems[check.Id] = problem;
                continue;
            }

            ordinals[check.Id] = measures.Count;
            measures.Add(check is NullRateCheck nulls ? new NullCount(nulls.Field.Name) : new DuplicateCount([.. fields.Select(f => f.Name)]));
        }

        var window = eventTime is not null && dataset.Volume is { } volume ? volume.Per.ToTimeSpan() : (TimeSpan?)null;
        if (measures.Count > 0)
        {
            notes.Add(window is not null
                ? $"null rates and duplicates cover the volume window: rows with {eventTime} in the last {dataset.Volume!.Per}"
                : $"null rates and duplicates cover the whole table: {(dataset.Volume is null ? "the dataset has no volume window" : "the event-time column cannot be used")}");
        }

        var newest = eventTime is not null && dataset.Freshness is not null;
        var count = eventTime is not null && dataset.Volume is not null;
        var query = newest || count || measures.Count > 0
            ? AggregateQuery.Build(table, eventTime, newest, window, count, measures)
            : null;
        return new MeasurementPlan(query, ordinals.ToImmutable(), problems.ToImmutable(), warnings.ToImmutable(), notes.ToImmutable());
    }

    /// <summary>The event-time column when freshness and volume can use it; else null, with the reason when they need it.</summary>
    private static string? EventTimeColumn(Dataset dataset, TableName table, TableFacts facts, out string? problem)
    {
        problem = null;
        if (dataset.EventTime is not { } field || (dataset.Freshness is null && dataset.Volume is null))
        {
            return null;
        }

        problem = ColumnProblem(field, table, facts);
        if (problem is not null)
        {
            return null;
        }

        var column = facts.Column(field.Name)!;
        if (!EventTimeTypes.Contains(column.TypeName, StringComparer.Ordinal))
        {
            problem = $"the event-time column {field.Name} is {column.DisplayType}; freshness and volume compare it with now() in the database, which needs timestamptz, timestamp or date";
            return null;
        }

        return column.Name;
    }

    private static string? ColumnProblem(FieldPath field, TableName table, TableFacts facts) =>
        !field.IsTopLevel ? $"{field} is a nested field; PostgreSQL probes measure top-level columns only"
        : facts.Column(field.Name) is null ? $"column {field.Name} does not exist in {table}"
        : null;

    private static Observed<T> Measured<T>(MeasurementPlan plan, Observed<AggregateResult>? aggregate, string id, Func<AggregateResult, int, T> read)
    {
        if (plan.Problems.TryGetValue(id, out var problem))
        {
            return Observed<T>.Failed(problem, TimeSpan.Zero);
        }

        if (aggregate is null)
        {
            return Observed<T>.Failed("nothing was measured", TimeSpan.Zero);
        }

        return aggregate.Succeeded
            ? Observed<T>.Of(read(aggregate.Value!, plan.Ordinals.GetValueOrDefault(id)), aggregate.Duration)
            : Observed<T>.Failed(aggregate.Error!, aggregate.Duration);
    }

    private async Task<Observed<QualityMeasurement>> RunAsync(SqlCheck check, CancellationToken cancellationToken)
    {
        var value = await queries.RunAsync(CustomQuery.For(check), CustomQuery.ReadAsync, cancellationToken).ConfigureAwait(false);
        return value.Succeeded
            ? Observed<QualityMeasurement>.Of(new QualityMeasurement(value.Value, null), value.Duration)
            : Observed<QualityMeasurement>.Failed(value.Error!, value.Duration);
    }

    /// <summary>No table of that name: the schema check fails and says so; every other measurement of the table is an error. The slot does not depend on the table.</summary>
    private static DatasetObservation Missing(Dataset dataset, TableName table, TableFacts facts, TimeSpan duration, Observed<ReplicationSlotState>? slot)
    {
        var message = facts.Kind is null
            ? $"the table {table} does not exist"
            : $"{table} is a {facts.KindName}, not a table or view";
        return new DatasetObservation
        {
            Clock = new ProbeClock(facts.Now, ClockSource.Source, "database now()"),
            Schema = Observed<SchemaObservation>.Of(new SchemaObservation(0, "columns", 1, [new SchemaFinding(message, true, table.ToString(), null)]), duration),
            NewestEventTime = dataset.Freshness is null ? null : Observed<DateTimeOffset?>.Failed(message, TimeSpan.Zero),
            RecordsInWindow = dataset.Volume is null ? null : Observed<long>.Failed(message, TimeSpan.Zero),
            Quality = dataset.Quality.ToImmutableDictionary(q => q.Id, _ => Observed<QualityMeasurement>.Failed(message, TimeSpan.Zero), StringComparer.Ordinal),
            ReplicationSlot = slot,
        };
    }
}
