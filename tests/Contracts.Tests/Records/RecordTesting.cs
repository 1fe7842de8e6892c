using System.Collections.Immutable;
using System.Text;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Tests.Records;

/// <summary>What one entry read: the record's JSON text, or its problem.</summary>
internal sealed record Read(long Number, long Line, string? Json, RecordProblem? Problem)
{
    public override string ToString() => Problem is null ? $"#{Number} @{Line} {Json}" : $"#{Number} @{Line} {Problem.Kind}: {Problem.Message}";
}

/// <summary>Helpers for the record reader tests.</summary>
internal static class RecordTesting
{
    /// <summary>Read sizes: the whole stream at once, and the byte-by-byte and odd-sized reads of a slow pipe.</summary>
    public static readonly int[] Chunks = [int.MaxValue, 1, 3];

    public static Task<List<Read>> ReadAsync(string text, FileFormat format, int chunk = int.MaxValue, CsvOptions? csv = null, int maxRecordBytes = RecordReader.MaxRecordBytes) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), format, chunk, csv, maxRecordBytes);

    public static async Task<List<Read>> ReadAsync(byte[] bytes, FileFormat format, int chunk = int.MaxValue, CsvOptions? csv = null, int maxRecordBytes = RecordReader.MaxRecordBytes)
    {
        var reads = new List<Read>();
        await using var stream = new PipeLikeStream(new MemoryStream(bytes), chunk);
        await foreach (var entry in RecordReader.ReadAsync(stream, format, csv, maxRecordBytes, CancellationToken.None))
        {
            reads.Add(new Read(entry.Number, entry.Line, entry.HasRecord ? entry.Record.GetRawText() : null, entry.Problem));
        }

        return reads;
    }

    public static SchemaField Field(string name, JsonTypes types, bool pii = false) =>
        new(FieldPath.Parse(name), types, null, Required: false, pii, pii, null, [], SourceSpan.StartOf("test.yaml"));

    public static CsvOptions Csv(params SchemaField[] fields) => new() { Fields = [.. fields] };

    public static CsvOptions Csv(char delimiter, params SchemaField[] fields) => new() { Delimiter = delimiter, Fields = ImmutableArray.Create(fields) };
}

/// <summary>
/// A stream like stdin or a pipe: not seekable, no length, and each read returns at most
/// <c>chunk</c> bytes, so record boundaries fall anywhere.
/// </summary>
internal sealed class PipeLikeStream(Stream inner, int chunk) : ReadOnlyTestStream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, chunk)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Bytes made on the fly as they are read — a header, <c>count</c> generated records, a footer —
/// so a test can stream a large file without holding it. Not seekable.
/// </summary>
internal sealed class GeneratedStream(string header, long count, Func<long, string> record, string separator, string footer) : ReadOnlyTestStream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(header);
    private int _offset;
    private long _next;
    private bool _footerWritten;

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _pending.Length)
            {
                if (_next < count)
                {
                    _pending = Encoding.UTF8.GetBytes((_next > 0 ? separator : string.Empty) + record(_next++));
                }
                else if (!_footerWritten)
                {
                    _pending = Encoding.UTF8.GetBytes(footer);
                    _footerWritten = true;
                }
                else
                {
                    break;
                }

                _offset = 0;
            }

            var part = _pending.AsSpan(_offset, Math.Min(_pending.Length - _offset, buffer.Length - written));
            part.CopyTo(buffer[written..]);
            written += part.Length;
            _offset += part.Length;
        }

        BytesRead += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));
}

/// <summary>The members every read-only, forward-only test stream shares; subclasses only read.</summary>
internal abstract class ReadOnlyTestStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
