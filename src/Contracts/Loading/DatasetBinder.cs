using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>Binds one entry of <c>datasets:</c> and checks it against its own schema and the source kind.</summary>
internal static class DatasetBinder
{
    private static readonly string[] LocationKeys = ["http", "postgres", "files", "queue", "webhook"];
    private static readonly string[] PaginationStyles = ["cursor", "link", "page", "offset"];

    public static async Task<Dataset?> BindAsync(BindContext context, MappingNode dataset, SourceKind? sourceKind, DatasetSchemaLoader schemas, CancellationToken cancellationToken)
    {
        var name = context.Text(dataset, "name");
        var location = Location(context, dataset, sourceKind);
        DatasetSchema? schema = null;
        if (dataset["schema"] is { } schemaNode && !context.IsBroken(schemaNode))
        {
            schema = await schemas.LoadAsync(schemaNode, cancellationToken).ConfigureAwait(false);
        }

        var key = Key(context, dataset, schema);
        var eventTime = EventTime(context, dataset, schema);
        var freshness = Freshness(context, dataset);
        var volume = Volume(context, dataset);
        var quality = Quality(context, dataset, schema, sourceKind);
        var cdc = Cdc(context, dataset, sourceKind);

        // Freshness and volume are measured on event time; without it they would silently never fail.
        var measuresFromFiles = location is FilesLocation { FreshnessFrom: FreshnessBasis.ModifiedTime };
        if (dataset["eventTime"] is null)
        {
            if (dataset["freshness"] is { } f && !measuresFromFiles)
            {
                context.Error(Rules.EventTimeField, f, "freshness is measured on event time, but the dataset declares no eventTime",
                    "add eventTime: <the date-time property>");
            }

            if (dataset["volume"] is { } v)
            {
                context.Error(Rules.EventTimeField, v, "volume counts records by event time, but the dataset declares no eventTime",
                    "add eventTime: <the date-time property>");
            }
        }

        if (name is null || location is null || schema is null || key is null || quality is null ||
            (dataset["eventTime"] is not null && eventTime is null) ||
            (dataset["freshness"] is not null && freshness is null) ||
            (dataset["volume"] is not null && volume is null) ||
            (dataset["cdc"] is not null && cdc is null))
        {
            return null;
        }

        return new Dataset
        {
            Name = name,
            Description = context.Text(dataset, "description"),
            Location = location,
            Schema = schema,
            Key = key.Value,
            EventTime = eventTime,
            Freshness = freshness,
            Volume = volume,
            Quality = quality.Value,
            Cdc = cdc,
            Pointer = dataset.Pointer,
        };
    }

    private static DatasetLocation? Location(BindContext context, MappingNode dataset, SourceKind? sourceKind)
    {
        if (sourceKind is not { } kind)
        {
            return null;
        }

        var expected = kind.ToString().ToLowerInvariant();
        foreach (var other in LocationKeys.Where(k => k != expected && dataset[k] is not null))
        {
            context.Error(Rules.DatasetLocation, dataset.Entry(other)!.Value.Span,
                $"the dataset has a '{other}' block, but the source is {expected}", $"replace it with a '{expected}' block");
        }

        if (dataset[expected] is not MappingNode block)
        {
            if (dataset[expected] is null)
            {
                context.Error(Rules.DatasetLocation, dataset, $"the dataset does not say where its records are: add a '{expected}:' block",
                    Rules.DatasetLocation.Hint);
            }

            return null;
        }

        return kind switch
        {
            SourceKind.Http => HttpLocation(context, block),
            SourceKind.Postgres => context.Object<TableName>(block, "table", TableName.TryParse, Rules.InvalidTableName) is { } table ? new PostgresLocation(table) : null,
            SourceKind.Files => FilesLocation(context, block),
            SourceKind.Queue => context.Text(block, "topic") is { } topic ? new QueueLocation(topic) : null,
            _ => context.Text(block, "path") is { } path ? new WebhookLocation(path) : null,
        };
    }

    private static HttpLocation? HttpLocation(BindContext context, MappingNode block)
    {
        var path = context.Text(block, "path");
        var records = block["records"] is null ? JsonPath.Parse("$") : context.Object<JsonPath>(block, "records", JsonPath.TryParse, Rules.InvalidJsonPath);
        var query = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in BindContext.Mapping(block, "query")?.Entries ?? [])
        {
            if (entry.Value is ScalarNode scalar)
            {
                query[entry.Key] = scalar.Text;
            }
        }

        var pagination = block["pagination"] is MappingNode paging ? Pagination(context, paging) : null;
        return path is null || records is null || (block["pagination"] is not null && pagination is null)
            ? null
            : new HttpLocation(path, records, query.ToImmutable(), pagination);
    }

    private static Pagination? Pagination(BindContext context, MappingNode paging)
    {
        if (context.IsBroken(paging))
        {
            return null;
        }

        var styles = PaginationStyles.Where(s => paging[s] is not null).ToList();
        if (styles.Count != 1)
        {
            context.Error(Rules.InvalidValue, paging, styles.Count == 0
                ? "pagination names no style: add one of cursor, link, page, offset"
                : $"pagination names {styles.Count} styles ({string.Join(", ", styles)}); an endpoint pages one way", "keep exactly one of cursor, link, page, offset");
            return null;
        }

        var maxPages = (int?)context.Integer(paging, "maxPages") ?? Model.Datasets.Pagination.DefaultMaxPages;
        var style = BindContext.Mapping(paging, styles[0])!;
        return styles[0] switch
        {
            "cursor" => context.Object<JsonPath>(style, "next", JsonPath.TryParse, Rules.InvalidJsonPath) is { } next && context.Text(style, "param") is { } param
                ? new CursorPagination(param, next, maxPages)
                : null,
            "link" => new LinkHeaderPagination(context.Text(style, "rel") ?? "next", maxPages),
            "page" => context.Text(style, "param") is { } pageParam
                ? new PageNumberPagination(pageParam, (int?)context.Integer(style, "start") ?? 1, context.Text(style, "sizeParam"), (int?)context.Integer(style, "size"), maxPages)
                : null,
            _ => context.Text(style, "param") is { } offsetParam && context.Text(style, "limitParam") is { } limitParam && context.Integer(style, "limit") is { } limit
                ? new OffsetPagination(offsetParam, limitParam, (int)limit, maxPages)
                : null,
        };
    }

    private static FilesLocation? FilesLocation(BindContext context, MappingNode block)
    {
        var path = context.Text(block, "path");
        var format = context.Enum<FileFormat>(block, "format");
        var basis = context.Enum<FreshnessBasis>(block, "freshnessFrom") ?? FreshnessBasis.EventTime;
        var delimiter = context.Text(block, "delimiter") is { Length: 1 } d ? d[0] : ',';
        if (format is not null && format != FileFormat.Csv && block["delimiter"] is { } delimiterNode)
        {
            context.Error(Rules.InvalidValue, delimiterNode, "delimiter applies to csv files only", "remove it");
            return null;
        }

        return path is null || format is null ? null : new FilesLocation(path, format.Value, basis, delimiter);
    }

    private static ImmutableArray<FieldPath>? Key(BindContext context, MappingNode dataset, DatasetSchema? schema)
    {
        if (BindContext.Sequence(dataset, "key") is not { } list)
        {
            return dataset["key"] is null ? [] : null;
        }

        var fields = ImmutableArray.CreateBuilder<FieldPath>();
        var failed = false;
        foreach (var item in list.Items)
        {
            if (context.Object<FieldPath>(item, FieldPath.TryParse, Rules.KeyField) is not { } path)
            {
                failed = true;
                continue;
            }

            if (schema is not null)
            {
                var field = schema.FindField(path);
                if (field is null)
                {
                    context.Error(Rules.KeyField, item, $"key '{path}' is not a property of the dataset schema", Closest(schema, path));
                    failed = true;
                    continue;
                }

                if (!field.Required)
                {
                    context.Error(Rules.KeyField, item, $"key '{path}' is not required by the schema; a key must be present in every record",
                        $"add '{path.Name}' to the schema's required list");
                    failed = true;
                    continue;
                }
            }

            fields.Add(path);
        }

        return failed ? null : fields.ToImmutable();
    }

    private static FieldPath? EventTime(BindContext context, MappingNode dataset, DatasetSchema? schema)
    {
        if (dataset["eventTime"] is not { } node || context.Object<FieldPath>(node, FieldPath.TryParse, Rules.EventTimeField) is not { } path)
        {
            return null;
        }

        if (schema is null)
        {
            return path;
        }

        var field = schema.FindField(path);
        if (field is null)
        {
            context.Error(Rules.EventTimeField, node, $"eventTime '{path}' is not a property of the dataset schema", Closest(schema, path));
            return null;
        }

        if ((field.Types & ~JsonTypes.Null) != JsonTypes.String || field.Format != "date-time")
        {
            context.Error(Rules.EventTimeType, node,
                $"eventTime '{path}' is declared as {JsonTypeNames.Format(field.Types)}{(field.Format is null ? "" : " (" + field.Format + ")")}, not a date-time string",
                Rules.EventTimeType.Hint);
            return null;
        }

        return path;
    }

    private static string Closest(DatasetSchema schema, FieldPath path) =>
        Suggestions.Closest(path.ToString(), schema.Fields.Select(f => f.Path.ToString())) is { } closest
            ? $"did you mean '{closest}'?"
            : $"the schema's properties are: {string.Join(", ", schema.Fields.Where(f => f.Path.IsTopLevel).Select(f => f.Path))}";

    private static Freshness? Freshness(BindContext context, MappingNode dataset)
    {
        if (BindContext.Mapping(dataset, "freshness") is not { } block)
        {
            return null;
        }

        var warn = context.Value<Duration>(block, "warn", Duration.TryParse, Rules.InvalidDuration);
        var fail = context.Value<Duration>(block, "fail", Duration.TryParse, Rules.InvalidDuration);
        if ((block["warn"] is not null && warn is null) || (block["fail"] is not null && fail is null) || (warn is null && fail is null))
        {
            return null;
        }

        if (warn >= fail)
        {
            context.Error(Rules.ThresholdOrder, block["warn"]!, $"freshness warns at {warn} but fails at {fail}; the warning must come first",
                "make warn shorter than fail");
            return null;
        }

        return new Freshness(warn, fail);
    }

    private static Volume? Volume(BindContext context, MappingNode dataset)
    {
        if (BindContext.Mapping(dataset, "volume") is not { } block || context.IsBroken(block))
        {
            return null;
        }

        var per = context.Value<Duration>(block, "per", Duration.TryParse, Rules.InvalidDuration);
        var min = context.Integer(block, "min");
        var max = context.Integer(block, "max");
        VolumeAnomaly? anomaly = null;
        if (BindContext.Mapping(block, "anomaly") is { } anomalyBlock)
        {
            var lookback = context.Value<Duration>(anomalyBlock, "lookback", Duration.TryParse, Rules.InvalidDuration);
            var tolerance = context.Number(anomalyBlock, "tolerance");
            if (lookback is null || tolerance is null)
            {
                return null;
            }

            if (per is { } window && lookback <= window)
            {
                context.Error(Rules.VolumeRange, anomalyBlock["lookback"]!, $"the anomaly lookback {lookback} is not longer than the window {window}; there is no history to compare with",
                    "use a lookback of many windows, e.g. 14d");
                return null;
            }

            anomaly = new VolumeAnomaly(lookback.Value, (double)tolerance.Value);
        }

        if (per is null || per == Duration.Zero)
        {
            if (per == Duration.Zero)
            {
                context.Error(Rules.InvalidDuration, block["per"]!, "the volume window is zero", "write a window such as 1h");
            }

            return null;
        }

        if (min is null && max is null && anomaly is null)
        {
            context.Error(Rules.MissingKey, block, "volume has no min, max or anomaly; it would pass any count", "add min, max or anomaly");
            return null;
        }

        if (min > max)
        {
            context.Error(Rules.VolumeRange, block["min"]!, $"volume min {min} is above max {max}; no count can pass", Rules.VolumeRange.Hint);
            return null;
        }

        return new Volume(per.Value, min, max, anomaly);
    }

    private static ImmutableArray<QualityCheck>? Quality(BindContext context, MappingNode dataset, DatasetSchema? schema, SourceKind? sourceKind)
    {
        if (BindContext.Sequence(dataset, "quality") is not { } list)
        {
            return dataset["quality"] is null ? [] : null;
        }

        var scope = new QualityScope(context, schema, sourceKind);
        var checks = ImmutableArray.CreateBuilder<QualityCheck>();
        var failed = false;
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (list.Items[i] is MappingNode item && QualityCheckBinders.Bind(scope, item, i) is { } check)
            {
                checks.Add(check);
            }
            else
            {
                failed = true;
            }
        }

        foreach (var duplicate in checks.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            context.Error(Rules.InvalidValue, context.Document.Find(duplicate.Skip(1).First().Pointer)!,
                $"the quality check {duplicate.Key} is written twice; results would share one id", "remove one, or give sql checks distinct names");
            failed = true;
        }

        return failed ? null : checks.ToImmutable();
    }

    private static Cdc? Cdc(BindContext context, MappingNode dataset, SourceKind? sourceKind)
    {
        if (BindContext.Mapping(dataset, "cdc") is not { } block)
        {
            return null;
        }

        if (sourceKind is { } kind && kind != SourceKind.Postgres)
        {
            context.Error(Rules.SourceKindMismatch, block,
                $"cdc checks replication slots of postgres sources; this source is {kind.ToString().ToLowerInvariant()}", "remove the cdc block");
            return null;
        }

        var slot = context.Text(block, "slot");
        var max = context.Value<ByteSize>(block, "maxLag", ByteSize.TryParse, Rules.InvalidSize);
        var warn = context.Value<ByteSize>(block, "warnLag", ByteSize.TryParse, Rules.InvalidSize);
        if (slot is null || max is null || (block["warnLag"] is not null && warn is null))
        {
            return null;
        }

        if (warn >= max)
        {
            context.Error(Rules.ThresholdOrder, block["warnLag"]!, $"cdc warns at {warn} of lag but fails at {max}; the warning must come first", "make warnLag smaller than maxLag");
            return null;
        }

        return new Cdc(slot, max.Value, warn);
    }
}
