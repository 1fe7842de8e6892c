using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContractKit.Contracts.Records;

/// <summary>Every problem the record readers report, worded in one place.</summary>
internal static class RecordMessages
{
    private const int MaxShownValue = 40;

    private const int MaxShownToken = 20;

    private static readonly SearchValues<char> TokenEnds = SearchValues.Create(" \t\r\n,:]}");

    public static RecordProblem Binary(long line, long column, long byteOffset) =>
        new(RecordProblemKind.Binary,
            $"line {line}, column {column}: the file is binary (a NUL byte at byte offset {byteOffset}), not UTF-8 text",
            line, column, byteOffset, EndsReading: true);

    public static RecordProblem InvalidUtf8(long line, long column, long byteOffset, byte value, bool endsReading) =>
        new(RecordProblemKind.InvalidUtf8,
            $"line {line}, column {column}: invalid UTF-8 (byte 0x{value:X2} at byte offset {byteOffset}); the file must be UTF-8 text",
            line, column, byteOffset, endsReading);

    public static RecordProblem MalformedJson(long line, long column, string reason, bool endsReading) =>
        new(RecordProblemKind.MalformedJson, $"line {line}, column {column}: malformed JSON: {reason}", line, column, null, endsReading);

    public static RecordProblem EmptyJsonFile(long line) =>
        new(RecordProblemKind.MalformedJson, $"line {line}: the file holds no JSON value; expected an array of records or one record",
            line, null, null, EndsReading: true);

    public static RecordProblem NotAnObject(long line, long column, JsonTokenType token, bool whole, bool endsReading) =>
        new(RecordProblemKind.NotAnObject,
            whole
                ? $"line {line}, column {column}: the file holds {Describe(token)}; expected an array of records or one record (a JSON object)"
                : $"line {line}, column {column}: the record is {Describe(token)}, not a JSON object",
            line, column, null, endsReading);

    public static RecordProblem TooLarge(long line, int limit, bool endsReading) =>
        new(RecordProblemKind.TooLarge,
            $"line {line}: the record is larger than the {FormatBytes(limit)} limit for one record"
                + (endsReading ? "; reading stops here" : "; it is skipped"),
            line, null, null, endsReading);

    public static RecordProblem MissingHeader(long line) =>
        new(RecordProblemKind.CsvHeader, $"line {line}: the file is empty; a CSV file starts with a header row naming its columns",
            line, null, null, EndsReading: true);

    public static RecordProblem DuplicateColumn(long line, string name, int first, int second) =>
        new(RecordProblemKind.CsvHeader,
            $"line {line}: the header names column '{name}' twice (columns {first} and {second})",
            line, null, null, EndsReading: true);

    public static RecordProblem UnclosedQuote(long line, long column) =>
        new(RecordProblemKind.CsvSyntax, $"line {line}, column {column}: this quoted value is never closed", line, column, null, EndsReading: true);

    public static RecordProblem AfterClosingQuote(long line, long column, char found, bool endsReading) =>
        new(RecordProblemKind.CsvSyntax,
            $"line {line}, column {column}: '{found}' follows a closing quote; a quoted value ends with the delimiter or the line (write \"\" for a quote inside it)",
            line, column, null, endsReading);

    public static RecordProblem ColumnCount(long line, int values, int columns) =>
        new(RecordProblemKind.CsvColumnCount,
            $"line {line} has {values} {(values == 1 ? "value" : "values")}, the header has {columns} {(columns == 1 ? "column" : "columns")}",
            line, null, null, EndsReading: false);

    public static RecordProblem Values(long line, IReadOnlyList<(long Line, string Text)> failures)
    {
        var message = new StringBuilder();
        foreach (var (at, text) in failures)
        {
            message.Append(message.Length == 0 ? string.Empty : "; ");
            if (message.Length == 0 || at != line)
            {
                message.Append(CultureInfo.InvariantCulture, $"line {at}, ");
            }

            message.Append(text);
        }

        return new(RecordProblemKind.CsvValue, message.ToString(), failures[0].Line, null, null, EndsReading: false);
    }

    public static string Value(string column, string? shown, string expected) =>
        shown is null
            ? $"column '{column}': the value is not {expected} (not shown: the field is marked x-pii)"
            : $"column '{column}': '{shown}' is not {expected}";

    /// <summary>A value for a message: clipped, with control characters made visible.</summary>
    public static string Show(ReadOnlySpan<byte> utf8) => Show(utf8, MaxShownValue);

    private static string Show(ReadOnlySpan<byte> utf8, int max)
    {
        var text = Encoding.UTF8.GetString(utf8);
        var shown = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (shown.Length >= max)
            {
                return shown.Append('…').ToString();
            }

            shown.Append(Rune.IsControl(rune) ? $"\\u{rune.Value:X4}" : rune.ToString());
        }

        return shown.ToString();
    }

    /// <summary>System.Text.Json's reason, without the position it appends (ours is more precise).</summary>
    public static string Reason(JsonException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0)
        {
            message = message[..at];
        }

        message = message.Trim().TrimEnd('.');
        if (message.Length == 0)
        {
            return "the JSON cannot be read here";
        }

        // Some reasons quote the text from the error to the end of the reader's buffer, which
        // depends on how the file was read and may be long: keep the token at the error.
        var quoted = message.LastIndexOf("' is ", StringComparison.Ordinal);
        if (message[0] == '\'' && quoted > 1)
        {
            var excerpt = message[1..quoted];
            var end = excerpt.AsSpan(1).IndexOfAny(TokenEnds);
            excerpt = end < 0 ? excerpt : excerpt[..(end + 1)];
            message = $"'{Show(Encoding.UTF8.GetBytes(excerpt), MaxShownToken)}{message[quoted..]}";
        }

        return message;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => "a JSON value",
    };

    private static string FormatBytes(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes:N0}-byte";
}
