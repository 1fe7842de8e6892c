using System.Text.Json;
using ContractKit.Cli.Output;
using ContractKit.Probes.Results;

namespace ContractKit.Cli.Commands.Probe;

/// <summary>One JSON document with every result, its clock and evidence.</summary>
internal sealed class JsonProbeWriter : IProbeWriter
{
    public void Write(IReadOnlyList<ProbeReport> reports, ExitCode exitCode, TextWriter output) =>
        JsonOutput.Write(output, "probe", json =>
        {
            var all = reports.SelectMany(r => r.Results).ToList();
            json.WriteStartObject("summary");
            json.WriteNumber("checks", all.Count);
            foreach (var status in Enum.GetValues<CheckStatus>())
            {
                json.WriteNumber(status.ToString().ToLowerInvariant(), all.Count(r => r.Status == status));
            }

            json.WriteNumber("exitCode", (int)exitCode);
            json.WriteEndObject();
            json.WriteStartArray("contracts");
            foreach (var report in reports)
            {
                json.WriteStartObject();
                json.WriteString("id", report.ContractId);
                json.WriteString("version", report.Version);
                json.WriteString("title", report.Title);
                json.WriteString("sourceKind", report.SourceKind.ToString().ToLowerInvariant());
                json.WriteString("startedAt", report.StartedAt);
                json.WriteNumber("durationMs", Math.Round(report.Duration.TotalMilliseconds, 1));
                json.WriteString("status", report.Status.ToString().ToLowerInvariant());
                json.WriteStartArray("results");
                foreach (var result in report.Results)
                {
                    WriteResult(json, result);
                }

                json.WriteEndArray();
                json.WriteStartArray("notes");
                foreach (var note in report.Notes)
                {
                    json.WriteStartObject();
                    json.WriteString("dataset", note.Dataset);
                    json.WriteString("text", note.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

    private static void WriteResult(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartObject();
        json.WriteString("dataset", result.Dataset);
        json.WriteString("check", result.CheckId);
        json.WriteString("status", result.Status.ToString().ToLowerInvariant());
        json.WriteString("measured", result.Measured);
        json.WriteString("expected", result.Expected);
        if (result.Value is { } value)
        {
            json.WriteNumber("value", value);
            json.WriteString("unit", result.Unit);
        }

        json.WriteString("message", result.Message);
        json.WriteNumber("durationMs", Math.Round(result.Duration.TotalMilliseconds, 1));
        if (result.Clock is { } clock)
        {
            json.WriteStartObject("clock");
            json.WriteString("now", clock.Now);
            json.WriteString("source", clock.Source.ToString().ToLowerInvariant());
            json.WriteString("description", clock.Description);
            json.WriteEndObject();
        }

        json.WriteStartArray("evidence");
        foreach (var evidence in result.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("description", evidence.Description);
            json.WriteString("location", evidence.Location);
            json.WriteString("record", evidence.Record);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
