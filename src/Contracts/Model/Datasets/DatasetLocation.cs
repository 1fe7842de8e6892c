using System.Collections.Immutable;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Datasets;

/// <summary>Where a dataset's records are, in the terms of its source kind.</summary>
public abstract record DatasetLocation
{
    /// <summary>The source kind this location belongs to.</summary>
    public abstract SourceKind Kind { get; }
}

/// <summary>An HTTP endpoint that returns records.</summary>
/// <param name="Path">Path below the source's base URL.</param>
/// <param name="Records">Where the record array is in the response body.</param>
/// <param name="Query">Fixed query parameters.</param>
/// <param name="Pagination">How to page through results, when the endpoint pages.</param>
public sealed record HttpLocation(string Path, JsonPath Records, ImmutableDictionary<string, string> Query, Pagination? Pagination) : DatasetLocation
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Http;
}

/// <summary>A PostgreSQL table or view.</summary>
/// <param name="Table">The table.</param>
public sealed record PostgresLocation(TableName Table) : DatasetLocation
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Postgres;
}

/// <summary>The record formats a file drop can hold.</summary>
public enum FileFormat
{
    /// <summary>One JSON record per line (NDJSON).</summary>
    Jsonl,

    /// <summary>A JSON array of records (or one record) per file.</summary>
    Json,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,
}

/// <summary>What freshness of a file drop is measured from.</summary>
public enum FreshnessBasis
{
    /// <summary>The newest event time inside the records.</summary>
    EventTime,

    /// <summary>The newest file modification time.</summary>
    ModifiedTime,
}

/// <summary>Files matching a glob, relative to the files source's root.</summary>
/// <param name="Glob">The glob, e.g. <c>drops/clicks/*.jsonl</c>.</param>
/// <param name="Format">The record format.</param>
/// <param name="FreshnessFrom">What freshness is measured from.</param>
/// <param name="Delimiter">The CSV delimiter.</param>
public sealed record FilesLocation(string Glob, FileFormat Format, FreshnessBasis FreshnessFrom, char Delimiter) : DatasetLocation
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Files;
}

/// <summary>A topic or queue.</summary>
/// <param name="Topic">Its name.</param>
public sealed record QueueLocation(string Topic) : DatasetLocation
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Queue;
}

/// <summary>A webhook endpoint the source calls.</summary>
/// <param name="Path">The path the source posts to.</param>
public sealed record WebhookLocation(string Path) : DatasetLocation
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Webhook;
}
