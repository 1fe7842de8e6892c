using System.Text.Json;
using ContractKit.Cli.Output;

namespace ContractKit.Cli.Commands.Validate;

/// <summary>
/// One JSON document. Violations are written as they are found (the document streams), the summary
/// comes last; consumers read <c>summary</c> after the arrays.
/// </summary>
internal sealed class JsonValidationReport : IValidationReport, IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private bool _problemsOpen;

    public JsonValidationReport(Stream stream, string contract, string version, string dataset)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        _json.WriteStartObject();
        _json.WriteNumber("outputVersion", OutputVersion.Current);
        _json.WriteString("command", "validate");
        _json.WriteString("contract", contract);
        _json.WriteString("version", version);
        _json.WriteString("dataset", dataset);
        _json.WriteStartArray("invalid");
    }

    public void Invalid(InvalidRecord record)
    {
        _json.WriteStartObject();
        _json.WriteString("file", record.File);
        _json.WriteNumber("record", record.Record);
        if (record.Line is { } line)
        {
            _json.WriteNumber("line", line);
        }

        _json.WriteStartArray("errors");
        foreach (var error in record.Errors)
        {
            _json.WriteStartObject();
            _json.WriteString("pointer", error.InstanceLocation);
            _json.WriteString("keyword", error.Keyword);
            _json.WriteString("schemaLocation", error.SchemaLocation);
            _json.WriteString("message", error.Message);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        Flush();
    }

    public void Unreadable(UnreadableRecord record)
    {
        // Unreadable records go in their own array, opened when the first one comes.
        if (!_problemsOpen)
        {
            _json.WriteEndArray();
            _json.WriteStartArray("unreadable");
            _problemsOpen = true;
        }

        _json.WriteStartObject();
        _json.WriteString("file", record.File);
        _json.WriteNumber("record", record.Record);
        _json.WriteNumber("line", record.Problem.Line);
        if (record.Problem.Column is { } column)
        {
            _json.WriteNumber("column", column);
        }

        _json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(record.Problem.Kind.ToString()));
        _json.WriteString("message", record.Problem.Message);
        _json.WriteEndObject();
        Flush();
    }

    public void Finished(RunSummary summary, ExitCode exitCode)
    {
        _json.WriteEndArray();
        if (!_problemsOpen)
        {
            _json.WriteStartArray("unreadable");
            _json.WriteEndArray();
        }

        _json.WriteStartObject("summary");
        _json.WriteNumber("records", summary.Records);
        _json.WriteNumber("valid", summary.Valid);
        _json.WriteNumber("invalid", summary.Invalid);
        _json.WriteNumber("unreadable", summary.Unreadable);
        _json.WriteNumber("described", summary.Described);
        _json.WriteNumber("exitCode", (int)exitCode);
        _json.WriteStartObject("byKeyword");
        foreach (var (keyword, count) in summary.ByKeyword.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            _json.WriteNumber(keyword, count);
        }

        _json.WriteEndObject();
        _json.WriteStartArray("files");
        foreach (var file in summary.Files)
        {
            _json.WriteStartObject();
            _json.WriteString("path", file.File);
            _json.WriteNumber("records", file.Records);
            _json.WriteNumber("invalid", file.Invalid);
            _json.WriteNumber("unreadable", file.Unreadable);
            _json.WriteString("failure", file.Failure);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();
        Flush();
        _stream.WriteByte((byte)'\n');
    }

    private void Flush() => _json.Flush();

    public void Dispose() => _json.Dispose();
}
