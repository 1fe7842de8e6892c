using System.Text.Json;
using ContractKit.Cli.Output;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Documentation;
using ContractKit.Contracts.Documents;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>One JSON document: a summary, then each contract with its verdict and changes.</summary>
internal sealed class JsonDiffWriter : IDiffWriter
{
    public void Write(DiffReport report, TextWriter output)
    {
        JsonOutput.Write(output, "diff", json =>
        {
            json.WriteStartObject("summary");
            json.WriteNumber("contracts", report.Entries.Length);
            json.WriteNumber("failed", report.Failed);
            json.WriteNumber("breakingChanges", report.Breaking);
            json.WriteNumber("exitCode", (int)report.ExitCode);
            json.WriteEndObject();
            json.WriteStrings("notes", report.Notes);
            json.WriteStartArray("contracts");
            foreach (var entry in report.Entries)
            {
                WriteEntry(json, entry);
            }

            json.WriteEndArray();
        });
    }

    private static void WriteEntry(Utf8JsonWriter json, DiffEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("status", entry.Status.ToString().ToLowerInvariant());
        WriteSide(json, "old", entry.OldPath, entry.Old?.Version.ToString());
        WriteSide(json, "new", entry.NewPath, entry.New?.Version.ToString());
        json.WriteBoolean("passed", entry.Passed);
        if (entry.Verdict is { } verdict)
        {
            json.WriteString("compatibility", verdict.Mode.ToString());
            json.WriteString("requiredBump", ChangeText.Of(verdict.Required));
            json.WriteString("actualBump", ChangeText.Of(verdict.Actual));
        }

        json.WriteStartArray("failures");
        foreach (var failure in entry.Failures)
        {
            json.WriteStartObject();
            json.WriteString("code", failure.Code);
            json.WriteString("message", failure.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("changes");
        if (entry.Diff is { } diff)
        {
            foreach (var change in diff.BreakingFirst())
            {
                WriteChange(json, diff, change);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, string? path, string? version)
    {
        if (path is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("path", path);
        json.WriteString("version", version);
        json.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter json, ContractDiff diff, Change change)
    {
        json.WriteStartObject();
        json.WriteString("rule", change.RuleId);
        json.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
        json.WriteBoolean("breaking", diff.IsBreaking(change));
        json.WriteString("dataset", change.Dataset);
        json.WriteString("field", change.Field);
        json.WriteString("pointer", change.Pointer);
        json.WriteString("old", change.Old);
        json.WriteString("new", change.New);
        json.WriteStartObject("effects");
        json.WriteString("backward", ChangeText.Of(change.Effects.Backward));
        json.WriteString("forward", ChangeText.Of(change.Effects.Forward));
        json.WriteString("full", ChangeText.Of(change.Effects.Full));
        json.WriteEndObject();
        json.WriteString("message", change.Message);
        WritePosition(json, "oldPosition", change.OldSpan);
        WritePosition(json, "newPosition", change.NewSpan);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, SourceSpan? span)
    {
        if (span is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("file", span.File);
        json.WriteNumber("line", span.Start.Line);
        json.WriteNumber("column", span.Start.Column);
        json.WriteEndObject();
    }
}
