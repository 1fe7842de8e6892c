namespace ContractKit.Cli.Output;

/// <summary>Machine-readable output carries this version; it changes only when a field changes meaning or disappears.</summary>
internal static class OutputVersion
{
    public const int Current = 1;
}

/// <summary>The frame every machine-readable document shares: <c>outputVersion</c> and <c>command</c>, then the command's own fields.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, string command, Action<System.Text.Json.Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("outputVersion", OutputVersion.Current);
            json.WriteString("command", command);
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
