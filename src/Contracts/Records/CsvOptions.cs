using System.Collections.Immutable;
using ContractKit.Contracts.Schemas;

namespace ContractKit.Contracts.Records;

/// <summary>
/// How <see cref="RecordReader"/> reads CSV: the delimiter, and the schema fields whose types turn
/// each text value into a JSON value.
/// </summary>
/// <remarks>
/// <para>The file is RFC 4180 CSV: a header row names the columns; values may be quoted with
/// <c>"</c>, and a quoted value may hold the delimiter, line breaks and doubled quotes (<c>""</c>).
/// Lines end with LF or CRLF; blank lines are skipped. A quote inside an unquoted value is kept as
/// a character; a closing quote followed by anything but the delimiter or a line end is a
/// <see cref="RecordProblemKind.CsvSyntax"/> problem.</para>
/// <para>Each row becomes a JSON object whose property names are the header's column names. A
/// column is typed by the top-level field of the same name (nested fields are ignored):</para>
/// <list type="bullet">
/// <item>An empty value becomes <c>null</c> when the field allows null; otherwise the property is
/// left out, so <c>required</c> reports it missing. As in PostgreSQL's CSV format, a quoted empty
/// value (<c>""</c>) of a field that allows strings is the empty string instead.</item>
/// <item>Otherwise the value, trimmed of spaces and tabs, becomes a boolean when the field allows
/// booleans and it is <c>true</c> or <c>false</c> (any case); a number when the field allows integers
/// or numbers and it is a JSON number (<c>-12</c>, <c>3.5</c>, <c>1e6</c>; no <c>+</c>, no leading
/// zeros, no thousands separators; the digits are kept exactly); an object or array when the field
/// allows one and it is that JSON text.</item>
/// <item>Failing those, it stays a string (untrimmed) when the field allows strings; when it does
/// not, the row is a <see cref="RecordProblemKind.CsvValue"/> problem naming the line, column and value
/// (the value is not shown for fields marked <c>x-pii</c>). Whether a number is an integer is left
/// to the validator.</item>
/// <item>Columns that no field names, and fields that declare no type, are read as text (an empty
/// value is the empty string), so <c>additionalProperties: false</c> can report them.</item>
/// </list>
/// </remarks>
public sealed record CsvOptions
{
    /// <summary>Comma-separated, every column read as text.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>The character between values: <c>,</c> by default; any ASCII character but a quote or a line break.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The schema's fields; the top-level ones type the columns of the same name.</summary>
    public ImmutableArray<SchemaField> Fields { get; init; } = [];

    /// <summary>Options that type columns by <paramref name="schema"/>'s fields.</summary>
    /// <param name="schema">The dataset's schema.</param>
    /// <param name="delimiter">The delimiter (a files location's <c>delimiter</c>).</param>
    public static CsvOptions For(DatasetSchema schema, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new CsvOptions { Delimiter = delimiter, Fields = schema.Fields };
    }

    internal void Validate()
    {
        if (Delimiter is '"' or '\r' or '\n' || Delimiter > 0x7F)
        {
            throw new ArgumentException($"'{Delimiter}' cannot be a CSV delimiter: use an ASCII character other than a quote or a line break", nameof(Delimiter));
        }
    }
}
