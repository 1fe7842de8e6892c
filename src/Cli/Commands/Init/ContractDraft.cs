using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Values;

namespace ContractKit.Cli.Commands.Init;

/// <summary>What goes into a drafted contract.</summary>
/// <param name="Id">The contract id.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="SampleName">The sample's file name, for people.</param>
/// <param name="FilesPath">The sample's path relative to the contract (files.path).</param>
/// <param name="ContractPath">Where the contract will be, for the lint hint.</param>
/// <param name="Sample">The sample.</param>
/// <param name="Schema">The inferred record schema.</param>
/// <param name="Key">The guessed key field, or null.</param>
/// <param name="EventTime">The guessed event-time field, or null.</param>
internal sealed record DraftRequest(
    ContractId Id, string Dataset, string SampleName, string FilesPath, string ContractPath, Sample Sample, InferredSchema Schema, string? Key, string? EventTime);

/// <summary>
/// Writes a drafted contract as YAML in the style of the examples in contracts/: a comment on top
/// says what the sample could not tell; the schema is written inline, leaves in flow style.
/// </summary>
internal static partial class ContractDraft
{
    public static string Write(DraftRequest draft)
    {
        var yaml = new StringBuilder();
        WriteHeader(yaml, draft);
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(draft.Dataset.Replace('_', ' ').Replace('-', ' '));
        var wrapped = draft.Sample.RecordsProperty is not null;
        var format = draft.Sample.Format == FileFormat.Jsonl ? "jsonl" : "json";
        var path = wrapped ? $"drops/{draft.Dataset}/*.{format}" : draft.FilesPath;
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: contractkit/v1
            id: {draft.Id}
            version: 0.1.0
            status: draft
            title: {Scalar(title)}
            description: {Scalar($"Drafted from the sample {draft.SampleName}.")}
            owner:
              team: unassigned  # the team that answers for this source
            source:
              kind: files
            datasets:
              - name: {draft.Dataset}
                files: {"{"} path: {Scalar(path)}, format: {format} {"}"}{(wrapped ? "  # where the files will be" : "")}
                schema:

            """);
        WriteBlock(yaml, draft.Schema, indent: 6);
        yaml.Append(draft.Key is null
            ? "    # key: no field is named id or *_id, present in every record and unique; name the fields that identify a record\n"
            : $"    key: [{Scalar(draft.Key)}]\n");
        yaml.Append(draft.EventTime is null
            ? "    # eventTime: no date-time field is present in every record; name the one that says when the record happened\n"
            : $"    eventTime: {Scalar(draft.EventTime)}\n");
        return yaml.ToString();
    }

    private static void WriteHeader(StringBuilder yaml, DraftRequest draft)
    {
        var count = draft.Sample.Records.Length;
        var lines = new List<string>
        {
            $"Drafted by `contractkit init --from-sample` from {draft.SampleName} ({count} record{(count == 1 ? "" : "s")}).",
            $"It is a draft (status: draft): complete it, then check it with `contractkit lint {draft.ContractPath}`.",
            "- owner.team: name the team that answers for this source.",
        };
        if (draft.Sample.RecordsProperty is { } property)
        {
            lines.Add($"- source, files: the sample held its records under \"{property}\", as an API response does;");
            lines.Add("  a files source reads files that hold the records themselves, so files.path is a guess.");
            lines.Add("  For an HTTP API write source: { kind: http, baseUrl: \"${env:NAME}\" } and");
            lines.Add($"  http: {{ path: /…, records: $.{property} }} instead of files.");
        }
        else
        {
            lines.Add("- source, files: this draft reads the sample file itself. Point files.path at the real");
            lines.Add("  drop, or describe the real source (kind http, postgres, queue or webhook).");
        }

        lines.Add("- schema: inferred from the sample alone. A field every record has is required, and a field");
        lines.Add("  allows only the types seen. Add what you know: enum, minimum, pattern, maxLength,");
        lines.Add("  additionalProperties: false, x-pii: true on personal data.");
        lines.Add((draft.Key, draft.EventTime) switch
        {
            (not null, not null) => "- key, eventTime: guessed from the field names; check them.",
            (null, null) => "- key, eventTime: the sample suggested neither; see the comments at the end.",
            (not null, null) => "- key: guessed from the field names; check it. eventTime: see the comment at the end.",
            (null, not null) => "- eventTime: guessed from the field names; check it. key: see the comment at the end.",
        });
        foreach (var line in lines)
        {
            yaml.Append("# ").Append(line).Append('\n');
        }
    }

    // A schema as a block mapping at the given indent.
    private static void WriteBlock(StringBuilder yaml, InferredSchema schema, int indent)
    {
        var pad = new string(' ', indent);
        if (schema.Types.Length > 0)
        {
            yaml.Append(pad).Append("type: ").Append(Types(schema)).Append('\n');
        }

        if (schema.Format is not null)
        {
            yaml.Append(pad).Append("format: ").Append(schema.Format).Append('\n');
        }

        if (!schema.Required.IsEmpty)
        {
            yaml.Append(pad).Append("required: [").AppendJoin(", ", schema.Required.Select(Scalar)).Append("]\n");
        }

        if (!schema.Properties.IsEmpty)
        {
            yaml.Append(pad).Append("properties:\n");
            foreach (var property in schema.Properties)
            {
                WriteEntry(yaml, Scalar(property.Name), property.Schema, indent + 2);
            }
        }

        if (schema.Items is not null)
        {
            WriteEntry(yaml, "items", schema.Items, indent);
        }
    }

    private static void WriteEntry(StringBuilder yaml, string key, InferredSchema schema, int indent)
    {
        yaml.Append(' ', indent).Append(key).Append(':');
        if (IsLeaf(schema))
        {
            yaml.Append(' ').Append(Flow(schema));
            if (schema.Comment is not null)
            {
                yaml.Append("  # ").Append(schema.Comment);
            }

            yaml.Append('\n');
            return;
        }

        yaml.Append('\n');
        WriteBlock(yaml, schema, indent + 2);
    }

    private static bool IsLeaf(InferredSchema schema) =>
        schema.Properties.IsEmpty && (schema.Items is null || IsLeaf(schema.Items));

    private static string Flow(InferredSchema schema)
    {
        var parts = new List<string>();
        if (schema.Types.Length > 0)
        {
            parts.Add($"type: {Types(schema)}");
        }

        if (schema.Format is not null)
        {
            parts.Add($"format: {schema.Format}");
        }

        if (schema.Items is not null)
        {
            parts.Add($"items: {Flow(schema.Items)}");
        }

        return parts.Count == 0 ? "{}" : "{ " + string.Join(", ", parts) + " }";
    }

    private static string Types(InferredSchema schema) =>
        schema.Types is [var single] ? single : "[" + string.Join(", ", schema.Types.Select(t => t == "null" ? "\"null\"" : t)) + "]";

    /// <summary>A YAML scalar for any text: plain when that reads back as the same string, else double-quoted.</summary>
    public static string Scalar(string text)
    {
        if (Plain().IsMatch(text) && !Reserved().IsMatch(text))
        {
            return text;
        }

        var quoted = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                quoted.Append(c).Append(text[++i]);
                continue;
            }

            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    // Letters first, then letters, digits, _ . - / and spaces inside; safe in block and flow context.
    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_./-]*( [\p{L}\p{Nd}_./-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    // Words YAML 1.1 or 1.2 readers take for booleans or null.
    [GeneratedRegex(@"^(true|false|null|yes|no|on|off|y|n)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reserved();
}
