namespace ContractKit.Contracts.Records;

/// <summary>Why a record could not be read from a file.</summary>
public enum RecordProblemKind
{
    /// <summary>The file holds a NUL byte: it is binary, not text. Reading stops.</summary>
    Binary,

    /// <summary>The bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The text is not valid JSON (including an empty JSON file or a truncated document).</summary>
    MalformedJson,

    /// <summary>A JSON value that is not an object (a scalar or an array) where a record was expected.</summary>
    NotAnObject,

    /// <summary>A record is larger than the reader's limit (<see cref="RecordReader.MaxRecordBytes"/>).</summary>
    TooLarge,

    /// <summary>The CSV header row is missing, or names a column twice. Reading stops.</summary>
    CsvHeader,

    /// <summary>A CSV quote is never closed, or is followed by something other than a delimiter or a line end.</summary>
    CsvSyntax,

    /// <summary>A CSV row has fewer or more values than the header has columns.</summary>
    CsvColumnCount,

    /// <summary>A CSV value cannot be read as the type its schema field declares.</summary>
    CsvValue,
}

/// <summary>
/// What went wrong with one record (or with the file, for the kinds that stop reading). The
/// message is complete on its own — it names the line, column or byte offset — so it can be shown
/// as is after the file name.
/// </summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">The message for people, e.g. <c>line 7 has 5 values, the header has 6 columns</c>.</param>
/// <param name="Line">The 1-based line the problem is on.</param>
/// <param name="Column">The 1-based column (in characters) the problem is at, when it is at one place.</param>
/// <param name="ByteOffset">The 0-based byte offset in the file, for binary content and invalid UTF-8.</param>
/// <param name="EndsReading">True when no record follows this problem (the rest of the file cannot be read reliably).</param>
public sealed record RecordProblem(RecordProblemKind Kind, string Message, long Line, long? Column, long? ByteOffset, bool EndsReading);
