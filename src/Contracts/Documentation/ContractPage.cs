using System.Collections.Immutable;
using System.Globalization;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Documentation;

/// <summary>One row of a dataset's field table.</summary>
internal sealed record FieldRow(string Name, string Type, bool Required, string Constraints, string Pii, string Description, string Example);

/// <summary>What the docs say about one dataset.</summary>
internal sealed record DatasetSection(string Name, string? Description, string Location, ImmutableArray<FieldRow> Fields, ImmutableArray<string> Promises, ImmutableArray<string> Quality);

/// <summary>A version pair of the changelog with its verdict.</summary>
internal sealed record ChangelogEntry(ContractDiff Diff, Verdict Verdict);

/// <summary>
/// Everything the negotiation document says, in plain words, before it becomes Markdown or HTML:
/// both renderers print this one model, so they say the same things.
/// </summary>
internal sealed record ContractPage(
    Contract Contract,
    string? Banner,
    string Owner,
    string Compatibility,
    string Source,
    ImmutableArray<DatasetSection> Datasets,
    ImmutableArray<string> ServiceLevels,
    ImmutableArray<ChangelogEntry> Changelog)
{
    public static ContractPage Build(Contract contract, IEnumerable<Contract> earlierVersions)
    {
        var history = earlierVersions.Where(v => v.Version < contract.Version).OrderBy(v => v.Version).Append(contract).ToList();
        if (history.FirstOrDefault(v => v.Id != contract.Id) is { } stranger)
        {
            throw new ArgumentException($"'{stranger.Id}' {stranger.Version} is not a version of '{contract.Id}'", nameof(earlierVersions));
        }

        var changelog = history.Zip(history.Skip(1), ContractDiff.Compare).Reverse().Select(d => new ChangelogEntry(d, Verdict.Judge(d)));
        return new ContractPage(contract, BannerFor(contract.Status), Sentences.Owner(contract.Owner), Sentences.Compatibility(contract.Compatibility), Sentences.Source(contract.Source.Kind),
            [.. contract.Datasets.Select(Section)], [.. Sentences.ServiceLevels(contract)], [.. changelog]);
    }

    private static string? BannerFor(ContractStatus status) => status switch
    {
        ContractStatus.Proposed => "Proposed — not yet agreed. Nothing here is promised until both teams accept it.",
        ContractStatus.Draft => "Draft — being written; it promises nothing yet.",
        ContractStatus.Deprecated => "Deprecated — still served, to be retired; consumers should move.",
        ContractStatus.Retired => "Retired — no longer served.",
        _ => null,
    };

    private static DatasetSection Section(Dataset dataset) => new(
        dataset.Name,
        dataset.Description,
        Sentences.Location(dataset.Location),
        [.. dataset.Schema.Fields.Select(Row)],
        [.. Sentences.Promises(dataset)],
        [.. dataset.Quality.Select(Sentences.Quality)]);

    private static FieldRow Row(SchemaField field) => new(
        field.Path.ToString(),
        JsonTypeNames.Format(field.Types) + (field.Format is null ? "" : $" ({field.Format})"),
        field.Required,
        string.Join("; ", field.Constraints),
        field.Pii ? "yes" : field.PiiDeclared ? "no" : "",
        field.Description ?? "",
        field.Example ?? (field.EnumValues.IsEmpty ? null : field.EnumValues[0]) ?? FormatSample(field.Format) ?? "");

    /// <summary>A typical value of a format, for the example column when the schema gives none.</summary>
    private static string? FormatSample(string? format) => format switch
    {
        "uuid" => "7d9f4c1e-5b2a-4e8f-9c3d-2a1b0e6f8d47",
        "date-time" => "2026-03-14T09:26:53Z",
        "date" => "2026-03-14",
        "time" => "09:26:53Z",
        "email" or "idn-email" => "jane.doe@example.com",
        "uri" or "iri" => "https://example.com/path",
        "ipv4" => "192.0.2.10",
        "ipv6" => "2001:db8::10",
        "hostname" or "idn-hostname" => "api.example.com",
        _ => null,
    };
}

/// <summary>The promises of a contract as sentences a source team can agree to.</summary>
internal static class Sentences
{
    /// <summary>The owning team and how to reach it: <c>team (contact, email)</c>, the part in brackets only when given.</summary>
    public static string Owner(Owner owner)
    {
        var reach = new[] { owner.Contact, owner.Email }.Where(s => s is not null).ToList();
        return owner.Team + (reach.Count == 0 ? "" : $" ({string.Join(", ", reach)})");
    }

    public static string Compatibility(CompatibilityMode mode)
    {
        var promise = mode.Direction switch
        {
            CompatibilityDirection.Forward => "consumers built against an earlier version keep working on data produced under a new one; promises only get stronger",
            CompatibilityDirection.Backward => "consumers built against a new version can read data produced under earlier ones (backfills, replays)",
            CompatibilityDirection.Full => "both: old consumers read new data and new consumers read old data",
            _ => "no promise between versions; a breaking change still needs a new major version",
        };
        var scope = mode.Direction == CompatibilityDirection.None ? "" : mode.Transitive ? ", checked against every earlier version" : ", checked against the previous version";
        return $"{mode}: {promise}{scope}.";
    }

    public static string Source(SourceKind kind) => kind switch
    {
        SourceKind.Http => "An HTTP JSON API.",
        SourceKind.Postgres => "A PostgreSQL database, read with read-only queries.",
        SourceKind.Files => "Files dropped into a folder.",
        SourceKind.Queue => "A message queue.",
        _ => "Webhooks the source sends to the consumer.",
    };

    public static string Location(DatasetLocation location) => location switch
    {
        HttpLocation http => $"GET {http.Path}, records at {http.Records.Text}" + (http.Pagination is { } pages ? $", following at most {pages.MaxPages} pages" : ""),
        PostgresLocation table => $"table {table.Table}",
        FilesLocation files => $"files {files.Glob} ({files.Format.ToString().ToLowerInvariant()})",
        QueueLocation queue => $"topic {queue.Topic}",
        WebhookLocation hook => $"webhook POST {hook.Path}",
        _ => location.Kind.ToString(),
    };

    public static IEnumerable<string> Promises(Dataset dataset)
    {
        var records = $"new records in {dataset.Name}";
        if (!dataset.Key.IsEmpty)
        {
            yield return $"Each record is identified by {string.Join(" + ", dataset.Key)}; no two records share it.";
        }

        if (dataset.EventTime is { } eventTime)
        {
            yield return $"{eventTime} is the time the event happened; freshness and volume are measured by it.";
        }

        switch (dataset.Freshness)
        {
            case { Warn: { } warn, Fail: { } fail }:
                yield return $"{Capital(records)} are queryable within {warn.ToWords()}; a delay over {fail.ToWords()} is an incident.";
                break;
            case { Warn: { } warn }:
                yield return $"{Capital(records)} are queryable within {warn.ToWords()}.";
                break;
            case { Fail: { } fail }:
                yield return $"A delay of {records} over {fail.ToWords()} is an incident.";
                break;
        }

        if (dataset.Volume is { } volume)
        {
            var range = (volume.Min, volume.Max) switch
            {
                (long min, long max) => $"Between {Count(min)} and {Count(max)} records arrive",
                (long min, null) => $"At least {Count(min)} records arrive",
                (null, long max) => $"At most {Count(max)} records arrive",
                _ => "Records arrive",
            };
            yield return $"{range} {Per(volume.Per)}." + (volume.Anomaly is { } anomaly
                ? $" A count that departs from the last {anomaly.Lookback.ToWords()} by more than {anomaly.Tolerance.ToString(CultureInfo.InvariantCulture)} standard deviations is flagged."
                : "");
        }

        if (dataset.Cdc is { } cdc)
        {
            yield return $"Replication slot {cdc.Slot} lags by less than {cdc.MaxLag}" + (cdc.WarnLag is { } warn ? $" (a warning from {warn})." : ".");
        }
    }

    public static string Quality(QualityCheck check) => check switch
    {
        NullRateCheck nulls => $"At most {nulls.Max} of records have {nulls.Field} null or missing.",
        DuplicatesCheck duplicates => duplicates.Max == 0
            ? $"No two records share {string.Join(" + ", duplicates.Fields)}."
            : $"At most {Count(duplicates.Max)} records share {string.Join(" + ", duplicates.Fields)} with another.",
        SqlCheck sql => $"{sql.Name}: the query returns {Bounds(sql.Min, sql.Max)} — {sql.Query}",
        _ => check.Id,
    };

    public static IEnumerable<string> ServiceLevels(Contract contract)
    {
        if (contract.Sla is not { } sla)
        {
            yield break;
        }

        if (sla.Availability is { } availability)
        {
            yield return $"The source answers {availability} of probes over {sla.Window.ToWords()}.";
        }

        if (sla.Latency is { } latency)
        {
            var targets = new[] { ("50%", latency.P50), ("90%", latency.P90), ("95%", latency.P95), ("99%", latency.P99) }
                .Where(t => t.Item2 is not null).Select(t => $"{t.Item1} within {t.Item2!.Value.ToWords()}");
            yield return $"Requests complete: {string.Join(", ", targets)}.";
        }

        if (sla.ErrorRate is { } errors)
        {
            yield return $"At most {errors} of requests fail over {sla.Window.ToWords()}.";
        }

        if (sla.Support is { } support)
        {
            var hours = support.Hours is { } h ? h.ToString() == "24/7" ? "around the clock" : $"during {h}" : "";
            var response = support.Response is { } r ? $"answers within {r.ToWords()}" : "answers";
            yield return $"The source team {response} {hours}.".Replace(" .", ".", StringComparison.Ordinal);
        }
    }

    private static string Per(Duration per) => per.ToWords() is var words && words.StartsWith("1 ", StringComparison.Ordinal) ? "per " + words[2..] : "per " + words;

    private static string Bounds(decimal? min, decimal? max) => (min, max) switch
    {
        (decimal a, decimal b) => $"between {a.ToString(CultureInfo.InvariantCulture)} and {b.ToString(CultureInfo.InvariantCulture)}",
        (decimal a, null) => $"at least {a.ToString(CultureInfo.InvariantCulture)}",
        (null, decimal b) => $"at most {b.ToString(CultureInfo.InvariantCulture)}",
        _ => "a number",
    };

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
