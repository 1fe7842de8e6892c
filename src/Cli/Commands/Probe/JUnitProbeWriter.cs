using System.Globalization;
using System.Xml;
using ContractKit.Probes.Results;

namespace ContractKit.Cli.Commands.Probe;

/// <summary>
/// JUnit XML: a test suite per contract, a test case per check. Fail is a failure, error is an
/// error; a warning passes with its reason in system-out, since JUnit has no warnings.
/// </summary>
internal sealed class JUnitProbeWriter : IProbeWriter
{
    public void Write(IReadOnlyList<ProbeReport> reports, ExitCode exitCode, TextWriter output)
    {
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "contractkit probe");
            foreach (var report in reports)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", $"{report.ContractId} {report.Version}");
                xml.WriteAttributeString("tests", Count(report.Results.Length));
                xml.WriteAttributeString("failures", Count(report.Results.Count(r => r.Status == CheckStatus.Fail)));
                xml.WriteAttributeString("errors", Count(report.Results.Count(r => r.Status == CheckStatus.Error)));
                xml.WriteAttributeString("time", report.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("timestamp", report.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                foreach (var result in report.Results)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", $"{report.ContractId}.{result.Dataset}");
                    xml.WriteAttributeString("name", result.CheckId);
                    xml.WriteAttributeString("time", result.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
                    var detail = $"measured: {result.Measured}\nexpected: {result.Expected}" +
                                 string.Concat(result.Evidence.Select(e => $"\n{e.Location}: {e.Description}{(e.Record is null ? "" : "\n  " + e.Record)}"));
                    if (result.Status is CheckStatus.Fail or CheckStatus.Error)
                    {
                        xml.WriteStartElement(result.Status == CheckStatus.Fail ? "failure" : "error");
                        xml.WriteAttributeString("message", result.Message ?? result.Measured);
                        xml.WriteString(detail);
                        xml.WriteEndElement();
                    }
                    else
                    {
                        xml.WriteElementString("system-out", (result.Status == CheckStatus.Warn ? $"WARN: {result.Message}\n" : "") + detail);
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        output.WriteLine();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
