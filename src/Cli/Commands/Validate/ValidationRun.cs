using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using ContractKit.Contracts.Validation;

namespace ContractKit.Cli.Commands.Validate;

/// <summary>What to validate and how much to describe.</summary>
/// <param name="Validator">The dataset's validator.</param>
/// <param name="Dataset">The dataset (its schema types CSV values; its files location gives a default format).</param>
/// <param name="Format">The record format forced on every input, or null to go by extension.</param>
/// <param name="MaxErrors">Most invalid or unreadable records described in full; 0 for no limit.</param>
internal sealed record ValidationRequest(RecordValidator Validator, Dataset Dataset, FileFormat? Format, int MaxErrors);

/// <summary>
/// Streams each file's records through the validator, one at a time, so memory stays flat whatever
/// the size of the input. Reports go to the <see cref="IValidationReport"/> as they happen.
/// </summary>
internal static class ValidationRun
{
    public static async Task<RunSummary> RunAsync(ValidationRequest request, IReadOnlyList<string> files, Func<string, Stream> open, IValidationReport report, CancellationToken cancellationToken)
    {
        var byKeyword = new Dictionary<string, long>(StringComparer.Ordinal);
        var summaries = new List<FileSummary>();
        long described = 0;
        var csv = CsvOptions.For(request.Dataset.Schema, request.Dataset.Location is FilesLocation { Format: FileFormat.Csv } drop ? drop.Delimiter : ',');
        foreach (var file in files)
        {
            var format = request.Format ?? (file == "-" ? FileFormat.Jsonl : RecordReader.FormatOf(file)) ?? DefaultFormat(request.Dataset);
            long records = 0, invalid = 0, unreadable = 0;
            string? failure = null;
            try
            {
                await using var stream = open(file);
                await foreach (var entry in RecordReader.ReadAsync(stream, format, csv, cancellationToken))
                {
                    if (!entry.HasRecord && IsFileFailure(entry.Problem.Kind))
                    {
                        // A binary or non-UTF-8 file is unreadable as a whole, not one bad record.
                        failure ??= $"{file}: {entry.Problem.Message}";
                        continue;
                    }

                    records++;
                    if (!entry.HasRecord)
                    {
                        unreadable++;
                        if (Describe())
                        {
                            report.Unreadable(new UnreadableRecord(file, entry.Number, entry.Problem));
                        }

                        continue;
                    }

                    // The quick check first: most records are valid, and it stops at the first failure.
                    if (request.Validator.IsValid(entry.Record))
                    {
                        continue;
                    }

                    invalid++;
                    var result = request.Validator.Validate(entry.Record);
                    foreach (var error in result.Errors)
                    {
                        byKeyword[error.Keyword] = byKeyword.GetValueOrDefault(error.Keyword) + 1;
                    }

                    if (Describe())
                    {
                        report.Invalid(new InvalidRecord(file, entry.Number, entry.Line, result.Errors));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure = e is FileNotFoundException or DirectoryNotFoundException ? $"'{file}' does not exist" : $"'{file}' cannot be read: {e.Message}";
            }

            summaries.Add(new FileSummary(file, records, invalid, unreadable, failure));
        }

        return new RunSummary(summaries, byKeyword, described);

        bool Describe()
        {
            if (request.MaxErrors > 0 && described >= request.MaxErrors)
            {
                return false;
            }

            described++;
            return true;
        }
    }

    private static bool IsFileFailure(RecordProblemKind kind) => kind is RecordProblemKind.Binary or RecordProblemKind.InvalidUtf8;

    private static FileFormat DefaultFormat(Dataset dataset) => dataset.Location is FilesLocation files ? files.Format : FileFormat.Jsonl;
}
