using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ContractKit.Contracts.Records;

/// <summary>
/// NDJSON: one JSON object per line. Blank lines are skipped; a line that cannot be read is a
/// problem and reading goes on with the next line. Only a NUL byte (a binary file) stops it.
/// </summary>
internal static class JsonLinesReader
{
    public static async IAsyncEnumerable<RecordEntry> ReadAsync(Stream stream, int maxRecordBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var buffer = new RecordBuffer(stream, maxRecordBytes);
        JsonDocument? current = null;
        try
        {
            await RecordReader.SkipBomAsync(buffer, cancellationToken).ConfigureAwait(false);
            long line = 0;
            long number = 0;
            var searched = 0;
            var skippingLongLine = false;
            while (true)
            {
                var span = buffer.Span;
                var newline = span[searched..].IndexOf((byte)'\n');
                int length;
                if (newline >= 0)
                {
                    length = searched + newline;
                }
                else if (buffer.EndOfStream)
                {
                    if (span.IsEmpty)
                    {
                        yield break;
                    }

                    length = span.Length;
                }
                else
                {
                    searched = span.Length;
                    if (skippingLongLine)
                    {
                        buffer.Advance(span.Length);
                        searched = 0;
                    }
                    else if (span.Length > maxRecordBytes)
                    {
                        // Report once, then drop the line's bytes as they come until its end.
                        var pending = span.Length;
                        yield return new RecordEntry(++number, line + 1, RecordMessages.TooLarge(line + 1, maxRecordBytes, endsReading: false));
                        skippingLongLine = true;
                        buffer.Advance(pending);
                        searched = 0;
                    }

                    await buffer.ReadAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                line++;
                searched = 0;
                var consumed = Math.Min(length + 1, span.Length);
                if (skippingLongLine)
                {
                    skippingLongLine = false;
                    buffer.Advance(consumed);
                    continue;
                }

                var content = span[..length];
                if (content.IndexOfAnyExcept(Utf8Text.LineWhitespace) < 0)
                {
                    buffer.Advance(consumed);
                    continue;
                }

                number++;
                if (length > maxRecordBytes)
                {
                    yield return new RecordEntry(number, line, RecordMessages.TooLarge(line, maxRecordBytes, endsReading: false));
                    buffer.Advance(consumed);
                    continue;
                }

                var bad = Utf8Text.FindNonText(content, out var binary);
                if (bad >= 0)
                {
                    var column = 1 + Utf8Text.CountChars(content[..bad]);
                    var offset = buffer.Position + bad;
                    if (binary)
                    {
                        yield return new RecordEntry(number, line, RecordMessages.Binary(line, column, offset));
                        yield break;
                    }

                    yield return new RecordEntry(number, line, RecordMessages.InvalidUtf8(line, column, offset, content[bad], endsReading: false));
                    buffer.Advance(consumed);
                    continue;
                }

                var entry = Parse(buffer.Memory(0, length), number, line, out current);
                yield return entry;
                current?.Dispose();
                current = null;
                buffer.Advance(consumed);
            }
        }
        finally
        {
            current?.Dispose();
        }
    }

    private static RecordEntry Parse(ReadOnlyMemory<byte> content, long number, long line, out JsonDocument? document)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            var span = content.Span;
            var at = (int)Math.Min(e.BytePositionInLine ?? 0, span.Length);
            var column = 1 + Utf8Text.CountChars(span[..at]);
            var reason = span[at..].IndexOfAnyExcept(Utf8Text.LineWhitespace) < 0
                ? "the line ends before the JSON value is complete"
                : RecordMessages.Reason(e);
            return new RecordEntry(number, line, RecordMessages.MalformedJson(line, column, reason, endsReading: false));
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            var token = TokenOf(root.ValueKind);
            var column = 1 + Utf8Text.CountChars(content.Span[..content.Span.IndexOfAnyExcept(Utf8Text.JsonWhitespace)]);
            document.Dispose();
            document = null;
            return new RecordEntry(number, line, RecordMessages.NotAnObject(line, column, token, whole: false, endsReading: false));
        }

        return new RecordEntry(number, line, root);
    }

    internal static JsonTokenType TokenOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => JsonTokenType.StartArray,
        JsonValueKind.String => JsonTokenType.String,
        JsonValueKind.Number => JsonTokenType.Number,
        JsonValueKind.True => JsonTokenType.True,
        JsonValueKind.False => JsonTokenType.False,
        JsonValueKind.Null => JsonTokenType.Null,
        _ => JsonTokenType.StartObject,
    };
}
