using System.Text.Json;

namespace ContractKit.Cli.Output;

/// <summary>Machine-readable output carries this version; it changes only when a field changes meaning or disappears.</summary>
internal static class OutputVersion
{
    public const int Current = 1;
}

/// <summary>The frame every machine-readable document shares: <c>outputVersion</c> and <c>command</c>, then the command's own fields.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, string command, Action<Utf8JsonWriter> body)
    {
        // Streamed straight to the writer: a large report is not held as bytes and again as a string.
        using (var stream = new TextWriterStream(output))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("outputVersion", OutputVersion.Current);
            json.WriteString("command", command);
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine();
    }

    /// <summary>Writes <paramref name="values"/> as an array of strings named <paramref name="name"/>.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
