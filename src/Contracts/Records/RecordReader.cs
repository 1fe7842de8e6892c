using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Contracts.Records;

/// <summary>
/// Turns a file of records — NDJSON, a JSON array (or one JSON object), or CSV — into a stream of
/// <see cref="RecordEntry"/>: each record as a JSON object, or the problem that kept it from being
/// read, with its record and line number. Bad content never throws: a malformed line, invalid
/// UTF-8, a binary file, a CSV row with a missing value all come back as <see cref="RecordProblem"/>s,
/// and reading goes on past every problem that does not say <see cref="RecordProblem.EndsReading"/>.
/// </summary>
/// <remarks>
/// <para>The reader works on UTF-8 bytes in one pooled buffer, reads the stream forward only
/// (stdin and pipes work) and never holds more than the record at hand, so memory stays flat
/// whatever the file size. One record may be up to <see cref="MaxRecordBytes"/>; a larger one is a
/// <see cref="RecordProblemKind.TooLarge"/> problem, never truncated. A UTF-8 byte order mark is
/// skipped; line numbers count LF, so CRLF files number the same way.</para>
/// <para>Records are borrowed: see <see cref="RecordEntry"/> for how long each stays valid.</para>
/// <para>Failures of the stream itself (an <see cref="IOException"/>) and cancellation are thrown.</para>
/// </remarks>
public static class RecordReader
{
    /// <summary>The largest record read, in bytes (64 MiB), line ending included.</summary>
    public const int MaxRecordBytes = 64 * 1024 * 1024;

    /// <summary>Reads the records in <paramref name="stream"/>.</summary>
    /// <param name="stream">The file's bytes; read to its end, not disposed.</param>
    /// <param name="format">How the records are written.</param>
    /// <param name="csv">For CSV: the delimiter and the schema fields that type the values; null reads comma-separated text.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="ArgumentException">The stream cannot be read, or <paramref name="csv"/> has an unusable delimiter.</exception>
    public static IAsyncEnumerable<RecordEntry> ReadAsync(Stream stream, FileFormat format, CsvOptions? csv, CancellationToken cancellationToken) =>
        ReadAsync(stream, format, csv, MaxRecordBytes, cancellationToken);

    /// <summary>The format a file's extension names: <c>.jsonl</c> and <c>.ndjson</c>, <c>.json</c>, <c>.csv</c>; null for others.</summary>
    /// <param name="path">The file's path or name.</param>
    public static FileFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => FileFormat.Jsonl,
        ".json" => FileFormat.Json,
        ".csv" => FileFormat.Csv,
        _ => null,
    };

    /// <summary>As the public overload, with another record limit (tests use a small one).</summary>
    internal static IAsyncEnumerable<RecordEntry> ReadAsync(Stream stream, FileFormat format, CsvOptions? csv, int maxRecordBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("the stream cannot be read", nameof(stream));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 16);
        csv ??= CsvOptions.Default;
        csv.Validate();
        return format switch
        {
            FileFormat.Jsonl => JsonLinesReader.ReadAsync(stream, maxRecordBytes, cancellationToken),
            FileFormat.Json => JsonFileReader.ReadAsync(stream, maxRecordBytes, cancellationToken),
            FileFormat.Csv => CsvFileReader.ReadAsync(stream, csv, maxRecordBytes, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a record format this reader knows"),
        };
    }

    /// <summary>Skips a UTF-8 byte order mark at the start of the stream.</summary>
    internal static async ValueTask SkipBomAsync(RecordBuffer buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length < 3 && await buffer.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        if (buffer.Span.StartsWith("\uFEFF"u8))
        {
            buffer.Advance(3);
        }
    }
}
