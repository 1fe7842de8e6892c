using System.Text.Json;
using ContractKit.Cli.Output;
using ContractKit.Contracts.Linting;

namespace ContractKit.Cli.Commands.Lint;

/// <summary>One JSON document: a summary, then each file with its findings.</summary>
internal sealed class JsonLintWriter : ILintWriter
{
    public void Write(LintReport report, ExitCode exitCode, TextWriter output)
    {
        JsonOutput.Write(output, "lint", json =>
        {
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files.Length);
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteNumber("exitCode", (int)exitCode);
            json.WriteEndObject();
            json.WriteStrings("missing", report.Missing);
            json.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteBoolean("valid", file.Result.Succeeded);
                if (file.Result.Contract is { } contract)
                {
                    json.WriteString("contract", contract.Id.Value);
                    json.WriteString("version", contract.Version.ToString());
                }

                json.WriteStartArray("findings");
                foreach (var d in file.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("rule", d.Rule.Id);
                    json.WriteString("severity", d.IsError ? "error" : "warning");
                    json.WriteString("file", d.Span.File);
                    json.WriteNumber("line", d.Span.Start.Line);
                    json.WriteNumber("column", d.Span.Start.Column);
                    json.WriteNumber("endLine", d.Span.End.Line);
                    json.WriteNumber("endColumn", d.Span.End.Column);
                    json.WriteString("message", d.Message);
                    json.WriteString("hint", d.Hint);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }
}
