using System.Globalization;
using System.Xml;

namespace ContractKit.Cli.Commands.Validate;

/// <summary>
/// JUnit XML as CI systems show it: one test suite per file, one failed test case per reported
/// invalid or unreadable record (up to --max-errors), and one case per file that passes only when
/// every record in it is valid.
/// </summary>
internal sealed class JUnitValidationReport(TextWriter output, string contract, string dataset) : IValidationReport
{
    private readonly List<(string File, string Name, string Message, string Detail)> _failures = [];

    public void Invalid(InvalidRecord record) =>
        _failures.Add((record.File, $"record {record.Record}{(record.Line is { } l ? $" (line {l})" : "")}",
            $"{record.Errors.Count} violation{(record.Errors.Count == 1 ? "" : "s")}",
            string.Join("\n", record.Errors.Select(e => e.ToString()))));

    public void Unreadable(UnreadableRecord record) =>
        _failures.Add((record.File, $"record {record.Record} (line {record.Problem.Line})", "unreadable", record.Problem.Message));

    public void Finished(RunSummary summary, ExitCode exitCode)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"contractkit validate {contract} {dataset}");
        foreach (var file in summary.Files)
        {
            var failures = _failures.Where(f => f.File == file.File).ToList();
            var clean = file.Invalid == 0 && file.Unreadable == 0 && file.Failure is null;
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"{dataset}: {file.File}");
            xml.WriteAttributeString("tests", (failures.Count + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", (failures.Count + (clean ? 0 : 1)).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            WriteCase(xml, $"{dataset}: {file.File}", "all records conform",
                clean ? null : (file.Failure ?? $"{file.Invalid} invalid and {file.Unreadable} unreadable of {file.Records} records", ""));
            foreach (var failure in failures)
            {
                WriteCase(xml, $"{dataset}: {file.File}", failure.Name, (failure.Message, failure.Detail));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.Flush();
        output.WriteLine();
    }

    private static void WriteCase(XmlWriter xml, string className, string name, (string Message, string Detail)? failure)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("name", name);
        if (failure is { } f)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", f.Message);
            xml.WriteString(f.Detail);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
