using ContractKit.Contracts.Records;
using ContractKit.Contracts.Validation;

namespace ContractKit.Cli.Commands.Validate;

/// <summary>An invalid record: where it is and what is wrong with it.</summary>
/// <param name="File">The file as named on the command line (<c>-</c> for stdin).</param>
/// <param name="Record">The record's 1-based number in the file.</param>
/// <param name="Line">The line it starts on, when known.</param>
/// <param name="Errors">Its violations.</param>
internal sealed record InvalidRecord(string File, long Record, long? Line, IReadOnlyList<ValidationError> Errors);

/// <summary>A record that could not be read.</summary>
/// <param name="File">The file.</param>
/// <param name="Record">The record's number.</param>
/// <param name="Problem">Why.</param>
internal sealed record UnreadableRecord(string File, long Record, RecordProblem Problem);

/// <summary>Counts for one file.</summary>
/// <param name="File">The file.</param>
/// <param name="Records">Records seen (read or not).</param>
/// <param name="Invalid">Records that broke the schema.</param>
/// <param name="Unreadable">Records that could not be read.</param>
/// <param name="Failure">Why the file could not be read at all, if so.</param>
internal sealed record FileSummary(string File, long Records, long Invalid, long Unreadable, string? Failure);

/// <summary>Counts for the whole run.</summary>
/// <param name="Files">Per file.</param>
/// <param name="ByKeyword">Violations per schema keyword.</param>
/// <param name="Described">How many invalid or unreadable records were reported in full (the rest were counted).</param>
internal sealed record RunSummary(IReadOnlyList<FileSummary> Files, IReadOnlyDictionary<string, long> ByKeyword, long Described)
{
    public long Records => Files.Sum(f => f.Records);

    public long Invalid => Files.Sum(f => f.Invalid);

    public long Unreadable => Files.Sum(f => f.Unreadable);

    public long Valid => Records - Invalid - Unreadable;
}

/// <summary>Receives a validation run as it happens; one implementation per output format.</summary>
internal interface IValidationReport
{
    void Invalid(InvalidRecord record);

    void Unreadable(UnreadableRecord record);

    void Finished(RunSummary summary, ExitCode exitCode);
}
