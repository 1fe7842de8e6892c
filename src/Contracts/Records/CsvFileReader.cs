using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContractKit.Contracts.Schemas;

namespace ContractKit.Contracts.Records;

/// <summary>
/// RFC 4180 CSV with a header row; each row becomes a JSON object typed by the schema's fields
/// (the rules are on <see cref="CsvOptions"/>). A row with the wrong number of values, a value
/// that cannot be typed or a stray quote is a problem and reading goes on; an unclosed quote, a
/// bad header or a NUL byte ends it.
/// </summary>
internal sealed class CsvFileReader : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly byte _delimiter;
    private readonly SearchValues<byte> _valueEnds;
    private readonly Dictionary<string, SchemaField> _fields;
    private readonly List<Field> _row = [];
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly Utf8JsonWriter _writer;
    private byte[] _unescaped = ArrayPool<byte>.Shared.Rent(256);
    private Column[] _columns = [];

    private CsvFileReader(CsvOptions options)
    {
        _delimiter = (byte)options.Delimiter;
        _valueEnds = SearchValues.Create([_delimiter, (byte)'\n']);
        _fields = options.Fields.Where(f => f.Path.IsTopLevel).GroupBy(f => f.Path.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _writer = new Utf8JsonWriter(_json, WriterOptions);
    }

    private enum ScanStatus
    {
        Complete,
        Incomplete,
        UnclosedQuote,
    }

    public static async IAsyncEnumerable<RecordEntry> ReadAsync(Stream stream, CsvOptions options, int maxRecordBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new CsvFileReader(options);
        using var buffer = new RecordBuffer(stream, maxRecordBytes);
        JsonDocument? current = null;
        try
        {
            await RecordReader.SkipBomAsync(buffer, cancellationToken).ConfigureAwait(false);
            long line = 1;
            long number = 0;
            var header = true;
            while (true)
            {
                if (buffer.Length == 0 && !await buffer.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (header)
                    {
                        yield return new RecordEntry(0, line, RecordMessages.MissingHeader(line));
                    }

                    yield break;
                }

                // A blank line is no row.
                var first = buffer.Span[0];
                if (first == '\r' && buffer.Length == 1 && !buffer.EndOfStream)
                {
                    await buffer.ReadAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var blank = first == '\n' ? 1
                    : first != '\r' ? 0
                    : buffer.Length > 1 ? (buffer.Span[1] == '\n' ? 2 : 0)
                    : 1;
                if (blank > 0)
                {
                    buffer.Advance(blank);
                    line++;
                    continue;
                }

                var (status, length, syntaxError) = reader.Scan(buffer.Span, buffer.EndOfStream);
                if (status == ScanStatus.Incomplete)
                {
                    if (buffer.Length > maxRecordBytes)
                    {
                        yield return new RecordEntry(header ? 0 : number + 1, line, RecordMessages.TooLarge(line, maxRecordBytes, endsReading: true));
                        yield break;
                    }

                    await buffer.MoreAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var recordNumber = header ? 0 : ++number;
                if (status == ScanStatus.UnclosedQuote)
                {
                    var (quoteLine, quoteColumn) = Utf8Text.PositionOf(buffer.Span, length, line, 1);
                    yield return new RecordEntry(recordNumber, line, RecordMessages.UnclosedQuote(quoteLine, quoteColumn));
                    yield break;
                }

                var entry = header
                    ? reader.ReadHeader(buffer, length, line, syntaxError)
                    : reader.ReadRow(buffer, length, number, line, syntaxError, out current);
                if (entry is { } shown)
                {
                    yield return shown;
                    current?.Dispose();
                    current = null;
                    if (shown.Problem?.EndsReading == true)
                    {
                        yield break;
                    }
                }

                header = false;
                line += buffer.Span[..length].Count((byte)'\n');
                buffer.Advance(length);
            }
        }
        finally
        {
            current?.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        ArrayPool<byte>.Shared.Return(_unescaped);
        _unescaped = [];
    }

    /// <summary>
    /// Splits the row at the start of <paramref name="span"/> into <see cref="_row"/>. Length is
    /// the row's byte count with its line ending (or, for an unclosed quote, the quote's offset);
    /// SyntaxError is the offset of the first character after a closing quote that should not be
    /// there, or -1.
    /// </summary>
    private (ScanStatus Status, int Length, int SyntaxError) Scan(ReadOnlySpan<byte> span, bool final)
    {
        _row.Clear();
        var syntaxError = -1;
        var position = 0;
        while (true)
        {
            if (position < span.Length && span[position] == '"')
            {
                var end = position + 1;
                var escaped = false;
                while (true)
                {
                    var quote = span[end..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        return (final ? ScanStatus.UnclosedQuote : ScanStatus.Incomplete, position, -1);
                    }

                    end += quote;
                    if (end + 1 == span.Length && !final)
                    {
                        return (ScanStatus.Incomplete, 0, -1);
                    }

                    if (end + 1 < span.Length && span[end + 1] == '"')
                    {
                        escaped = true;
                        end += 2;
                        continue;
                    }

                    break;
                }

                _row.Add(new Field(position + 1, end - position - 1, Quoted: true, escaped));
                position = end + 1;
                if (position == span.Length)
                {
                    return (ScanStatus.Complete, position, syntaxError);
                }

                var next = span[position];
                if (next == _delimiter)
                {
                    position++;
                    continue;
                }

                if (next == '\n')
                {
                    return (ScanStatus.Complete, position + 1, syntaxError);
                }

                if (next == '\r' && position + 1 == span.Length)
                {
                    if (!final)
                    {
                        return (ScanStatus.Incomplete, 0, -1);
                    }

                    return (ScanStatus.Complete, position + 1, syntaxError);
                }

                if (next == '\r' && span[position + 1] == '\n')
                {
                    return (ScanStatus.Complete, position + 2, syntaxError);
                }

                // Text after a closing quote: note it, keep it with the value's garbage and find
                // the row's end so the next row can be read.
                if (syntaxError < 0)
                {
                    syntaxError = position;
                }

                var stop = span[position..].IndexOfAny(_valueEnds);
                if (stop < 0)
                {
                    return final ? (ScanStatus.Complete, span.Length, syntaxError) : (ScanStatus.Incomplete, 0, -1);
                }

                position += stop;
                if (span[position] == _delimiter)
                {
                    position++;
                    continue;
                }

                return (ScanStatus.Complete, position + 1, syntaxError);
            }

            var valueEnd = span[position..].IndexOfAny(_valueEnds);
            if (valueEnd < 0)
            {
                if (!final)
                {
                    return (ScanStatus.Incomplete, 0, -1);
                }

                var last = span.Length > position && span[^1] == '\r' ? span.Length - 1 : span.Length;
                _row.Add(new Field(position, last - position, Quoted: false, Escaped: false));
                return (ScanStatus.Complete, span.Length, syntaxError);
            }

            var stopAt = position + valueEnd;
            if (span[stopAt] == _delimiter)
            {
                _row.Add(new Field(position, valueEnd, Quoted: false, Escaped: false));
                position = stopAt + 1;
                continue;
            }

            var valueLength = valueEnd > 0 && span[stopAt - 1] == '\r' ? valueEnd - 1 : valueEnd;
            _row.Add(new Field(position, valueLength, Quoted: false, Escaped: false));
            return (ScanStatus.Complete, stopAt + 1, syntaxError);
        }
    }

    private RecordEntry? ReadHeader(RecordBuffer buffer, int length, long line, int syntaxError)
    {
        var bytes = buffer.Span[..length];
        if (NotText(buffer, bytes, 0, line, endsReading: true) is { } notText)
        {
            return notText;
        }

        if (syntaxError >= 0)
        {
            var (at, column) = Utf8Text.PositionOf(bytes, syntaxError, line, 1);
            return new RecordEntry(0, line, RecordMessages.AfterClosingQuote(at, column, (char)bytes[syntaxError], endsReading: true));
        }

        var columns = new Column[_row.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _row.Count; i++)
        {
            var name = Encoding.UTF8.GetString(Value(bytes, _row[i]));
            if (!seen.TryAdd(name, i))
            {
                return new RecordEntry(0, line, RecordMessages.DuplicateColumn(line, name, seen[name] + 1, i + 1));
            }

            columns[i] = new Column(name, _fields.GetValueOrDefault(name));
        }

        _columns = columns;
        return null;
    }

    private RecordEntry ReadRow(RecordBuffer buffer, int length, long number, long line, int syntaxError, out JsonDocument? document)
    {
        document = null;
        var bytes = buffer.Span[..length];
        if (NotText(buffer, bytes, number, line, endsReading: false) is { } notText)
        {
            return notText;
        }

        if (syntaxError >= 0)
        {
            var (at, column) = Utf8Text.PositionOf(bytes, syntaxError, line, 1);
            return new RecordEntry(number, line, RecordMessages.AfterClosingQuote(at, column, (char)bytes[syntaxError], endsReading: false));
        }

        if (_row.Count != _columns.Length)
        {
            return new RecordEntry(number, line, RecordMessages.ColumnCount(line, _row.Count, _columns.Length));
        }

        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        List<(long Line, string Text)>? failures = null;
        for (var i = 0; i < _columns.Length; i++)
        {
            var field = _row[i];
            if (_columns[i].Write(_writer, Value(bytes, field), field.Quoted) is { } failure)
            {
                (failures ??= []).Add((line + bytes[..field.Start].Count((byte)'\n'), failure));
            }
        }

        _writer.WriteEndObject();
        _writer.Flush();
        if (failures is not null)
        {
            return new RecordEntry(number, line, RecordMessages.Values(line, failures));
        }

        document = JsonDocument.Parse(_json.WrittenMemory);
        return new RecordEntry(number, line, document.RootElement);
    }

    private static RecordEntry? NotText(RecordBuffer buffer, ReadOnlySpan<byte> bytes, long number, long line, bool endsReading)
    {
        var bad = Utf8Text.FindNonText(bytes, out var binary);
        if (bad < 0)
        {
            return null;
        }

        var (at, column) = Utf8Text.PositionOf(bytes, bad, line, 1);
        var offset = buffer.Position + bad;
        return new RecordEntry(number, line, binary
            ? RecordMessages.Binary(at, column, offset)
            : RecordMessages.InvalidUtf8(at, column, offset, bytes[bad], endsReading));
    }

    /// <summary>A value's bytes, with doubled quotes made single.</summary>
    private ReadOnlySpan<byte> Value(ReadOnlySpan<byte> row, Field field)
    {
        var raw = row.Slice(field.Start, field.Length);
        if (!field.Escaped)
        {
            return raw;
        }

        if (_unescaped.Length < raw.Length)
        {
            ArrayPool<byte>.Shared.Return(_unescaped);
            _unescaped = ArrayPool<byte>.Shared.Rent(raw.Length);
        }

        var written = 0;
        while (true)
        {
            var quote = raw.IndexOf((byte)'"');
            if (quote < 0)
            {
                raw.CopyTo(_unescaped.AsSpan(written));
                return _unescaped.AsSpan(0, written + raw.Length);
            }

            raw[..(quote + 1)].CopyTo(_unescaped.AsSpan(written));
            written += quote + 1;
            raw = raw[(quote + 2)..];
        }
    }

    /// <summary>Where one value is in a row.</summary>
    private readonly record struct Field(int Start, int Length, bool Quoted, bool Escaped);

    /// <summary>A header column and how its values become JSON.</summary>
    private sealed class Column
    {
        private readonly JsonEncodedText _name;
        private readonly JsonTypes _types;
        private readonly bool _typed;
        private readonly bool _pii;

        public Column(string name, SchemaField? field)
        {
            Name = name;
            _name = JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            _types = field?.Types ?? JsonTypes.None;
            _typed = _types is not (JsonTypes.None or JsonTypes.Any);
            _pii = field?.Pii ?? false;
        }

        public string Name { get; }

        /// <summary>Writes the value as the property it becomes (or nothing); returns why it cannot be, if so.</summary>
        public string? Write(Utf8JsonWriter writer, ReadOnlySpan<byte> value, bool quoted)
        {
            if (!_typed)
            {
                writer.WriteString(_name, value);
                return null;
            }

            if (value.IsEmpty)
            {
                if (quoted && Has(JsonTypes.String))
                {
                    writer.WriteString(_name, value);
                }
                else if (Has(JsonTypes.Null))
                {
                    writer.WriteNull(_name);
                }

                return null;
            }

            var trimmed = Utf8Text.Trim(value);
            if (Has(JsonTypes.Boolean) && (Ascii.EqualsIgnoreCase(trimmed, "true"u8) || Ascii.EqualsIgnoreCase(trimmed, "false"u8)))
            {
                writer.WriteBoolean(_name, (trimmed[0] | 0x20) == 't');
                return null;
            }

            if ((Has(JsonTypes.Integer) || Has(JsonTypes.Number)) && Utf8Text.IsJsonNumber(trimmed))
            {
                writer.WritePropertyName(_name);
                writer.WriteRawValue(trimmed, skipInputValidation: true);
                return null;
            }

            if ((Has(JsonTypes.Object) || Has(JsonTypes.Array)) && IsJsonContainer(trimmed))
            {
                writer.WritePropertyName(_name);
                writer.WriteRawValue(trimmed, skipInputValidation: true);
                return null;
            }

            if (Has(JsonTypes.String))
            {
                writer.WriteString(_name, value);
                return null;
            }

            return RecordMessages.Value(Name, _pii ? null : RecordMessages.Show(value), Expected());
        }

        private bool Has(JsonTypes type) => (_types & type) != 0;

        private bool IsJsonContainer(ReadOnlySpan<byte> text)
        {
            var reader = new Utf8JsonReader(text);
            try
            {
                if (!reader.Read() || !(reader.TokenType == JsonTokenType.StartObject ? Has(JsonTypes.Object) : reader.TokenType == JsonTokenType.StartArray && Has(JsonTypes.Array)))
                {
                    return false;
                }

                reader.Skip();
                return !reader.Read();
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private string Expected()
        {
            var kinds = new List<string>();
            if (Has(JsonTypes.Number))
            {
                kinds.Add("a number");
            }
            else if (Has(JsonTypes.Integer))
            {
                kinds.Add("an integer");
            }

            if (Has(JsonTypes.Boolean))
            {
                kinds.Add("a boolean (true or false)");
            }

            if (Has(JsonTypes.Object))
            {
                kinds.Add("a JSON object");
            }

            if (Has(JsonTypes.Array))
            {
                kinds.Add("a JSON array");
            }

            return kinds.Count == 0 ? "empty (the field allows only null)" : string.Join(" or ", kinds);
        }
    }
}
