using System.Globalization;
using ContractKit.Cli.Output;

namespace ContractKit.Cli.Commands.Validate;

/// <summary>One line per violation, <c>file:line (record n): /pointer: message [keyword]</c>, then a summary.</summary>
internal sealed partial class TextValidationReport(TextWriter output, int maxErrors) : IValidationReport
{
    private readonly Terminal _terminal = Terminal.For(output);

    public void Invalid(InvalidRecord record)
    {
        foreach (var error in record.Errors)
        {
            var pointer = error.InstanceLocation.Length == 0 ? "/" : error.InstanceLocation;
            output.WriteLine($"{Where(record.File, record.Line, record.Record)}: {_terminal.Red("invalid")} {pointer}: {error.Message} [{error.Keyword}]");
        }
    }

    public void Unreadable(UnreadableRecord record) =>
        output.WriteLine($"{record.File}:{record.Problem.Line}{(record.Problem.Column is { } c ? ":" + c.ToString(CultureInfo.InvariantCulture) : "")}: {_terminal.Red("unreadable")} record {record.Record}: {WithoutPosition(record.Problem.Message)}");

    // Problem messages name their line and column for use on their own; here the prefix already does.
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, "", 1);

    [System.Text.RegularExpressions.GeneratedRegex(@"^line \d+(, column \d+)?: ")]
    private static partial System.Text.RegularExpressions.Regex PositionPrefix();

    public void Finished(RunSummary summary, ExitCode exitCode)
    {
        // Files that cannot be read are reported on stderr by the command.
        var notDescribed = summary.Invalid + summary.Unreadable - summary.Described;
        if (notDescribed > 0)
        {
            output.WriteLine(_terminal.Dim($"… {N(notDescribed)} more invalid or unreadable records not shown (--max-errors {maxErrors})"));
        }

        var files = summary.Files.Count;
        var line = $"{N(summary.Records)} record{(summary.Records == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}: " +
                   $"{N(summary.Valid)} valid, {N(summary.Invalid)} invalid, {N(summary.Unreadable)} unreadable";
        output.WriteLine(exitCode == ExitCode.Ok ? _terminal.Green(line) : _terminal.Red(line));
        if (summary.ByKeyword.Count > 0)
        {
            output.WriteLine("violations by keyword: " + string.Join(", ", summary.ByKeyword.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {N(k.Value)}")));
        }
    }

    private static string Where(string file, long? line, long record) =>
        line is { } l ? $"{file}:{l} (record {record})" : $"{file} (record {record})";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
