using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Cli.Commands.Init;

/// <summary>The records of a sample payload.</summary>
/// <param name="Records">Each record (a JSON object), in file order.</param>
/// <param name="Format">json for a document, jsonl for one record per line.</param>
/// <param name="RecordsProperty">The property of a wrapping object that held the records (an API response's <c>data</c>), or null.</param>
internal sealed record Sample(ImmutableArray<JsonElement> Records, FileFormat Format, string? RecordsProperty);

/// <summary>A sample, or why the file is not one.</summary>
internal sealed record SampleResult(Sample? Sample, string? Error)
{
    public static SampleResult Fail(string error) => new(null, error);
}

/// <summary>
/// Reads a sample payload: one record (a JSON object), an array of records, an object that wraps
/// an array of records (<c>{ "data": [ … ], "next": … }</c>), or NDJSON (<c>.jsonl</c>, <c>.ndjson</c>).
/// </summary>
internal static class SampleReader
{
    // Names API responses give the record array; a record with such an array has an id beside it.
    private static readonly FrozenSet<string> WrapperNames = new[]
    {
        "data", "records", "items", "results", "rows", "entries", "events", "hits", "elements", "values", "content", "objects", "list",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const string Shapes = "a sample is a record (a JSON object), an array of records, an object holding an array of records, or NDJSON";

    public static async Task<SampleResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return SampleResult.Fail(Directory.Exists(path) ? $"'{path}' is a folder, not a sample file" : $"'{path}' does not exist");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var text = bytes.AsMemory();
        if (text.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        if (text.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return SampleResult.Fail($"'{path}' is empty: a sample needs at least one record");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".jsonl" or ".ndjson" ? ReadLines(path, text) : ReadDocument(path, text);
    }

    private static SampleResult ReadDocument(string path, ReadOnlyMemory<byte> text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return SampleResult.Fail(NotJson(path, e, lineOffset: 0));
        }

        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                return FromArray(path, root, FileFormat.Json, property: null);
            case JsonValueKind.Object when FindWrappedRecords(root) is { } property:
                return FromArray(path, root.GetProperty(property), FileFormat.Json, property);
            case JsonValueKind.Object:
                return FromRecords(path, [root], FileFormat.Json, property: null);
            default:
                return SampleResult.Fail($"'{path}' holds {Article(root)}: {Shapes}");
        }
    }

    private static SampleResult ReadLines(string path, ReadOnlyMemory<byte> text)
    {
        var records = ImmutableArray.CreateBuilder<JsonElement>();
        var lineNumber = 0;
        var rest = text;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return SampleResult.Fail($"{path}:{lineNumber}: line {lineNumber} holds {Article(document.RootElement)}, not a record (a JSON object)");
                }

                records.Add(document.RootElement.Clone());
            }
            catch (JsonException e)
            {
                return SampleResult.Fail(NotJson(path, e, lineOffset: lineNumber - 1));
            }
        }

        return FromRecords(path, records.ToImmutable(), FileFormat.Jsonl, property: null);
    }

    private static SampleResult FromArray(string path, JsonElement array, FileFormat format, string? property)
    {
        var where = property is null ? $"'{path}'" : $"'{property}' in '{path}'";
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return SampleResult.Fail($"item {index} of the array in {where} is {Article(item)}, not a record (a JSON object): {Shapes}");
            }

            index++;
        }

        return index == 0
            ? SampleResult.Fail($"the array in {where} is empty: a sample needs at least one record")
            : FromRecords(path, [.. array.EnumerateArray()], format, property);
    }

    private static SampleResult FromRecords(string path, ImmutableArray<JsonElement> records, FileFormat format, string? property)
    {
        if (records.IsEmpty)
        {
            return SampleResult.Fail($"'{path}' holds no records: a sample needs at least one");
        }

        if (records.All(r => !r.EnumerateObject().Any()))
        {
            return SampleResult.Fail($"the records in '{path}' have no fields ({{}}): there is nothing to infer a schema from");
        }

        return new SampleResult(new Sample(records, format, property), null);
    }

    // { "data": [ {…}, … ], "next": "…" }: one array of objects under a usual name, and no id of its own.
    private static string? FindWrappedRecords(JsonElement root)
    {
        var properties = root.EnumerateObject().ToList();
        var arrays = properties
            .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Object))
            .ToList();
        var hasId = properties.Any(p => p.Name.Equals("id", StringComparison.OrdinalIgnoreCase) ||
                                        p.Name.EndsWith("_id", StringComparison.OrdinalIgnoreCase) ||
                                        p.Name.EndsWith("Id", StringComparison.Ordinal));
        return arrays is [var only] && WrapperNames.Contains(only.Name) && !hasId ? only.Name : null;
    }

    private static string NotJson(string path, JsonException e, int lineOffset)
    {
        // System.Text.Json ends its messages with "Path: … | LineNumber: … | BytePositionInLine: …".
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber: ", StringComparison.Ordinal) : cut;
        message = (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
        var line = lineOffset + (e.LineNumber ?? 0) + 1;
        var column = (e.BytePositionInLine ?? 0) + 1;
        return $"{path}:{line}:{column}: not valid JSON: {message}";
    }

    private static string Article(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
