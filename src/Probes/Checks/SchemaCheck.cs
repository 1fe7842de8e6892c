using System.Collections.Immutable;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>
/// Records (HTTP, files) or columns (PostgreSQL) against the schema. Breaking drift fails;
/// compatible drift (an extra column in an open schema) warns.
/// </summary>
internal sealed class SchemaCheck : IProbeCheck
{
    private const string Id = "schema";

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        var expected = "every record matches the schema";
        if (context.Observation.Failure is not null)
        {
            yield return Result.Unavailable(context, Id, expected);
            yield break;
        }

        if (context.Observation.Schema is not { } observed)
        {
            yield break;
        }

        if (!observed.Succeeded)
        {
            yield return Result.Error(context, Id, expected, observed);
            yield break;
        }

        var schema = observed.Value!;
        expected = schema.Unit == "columns" ? "columns match the schema" : expected;
        var breaking = schema.Findings.Count(f => f.Breaking);
        var status = breaking > 0 || schema.Violations > 0 && schema.Unit == "records" ? CheckStatus.Fail
            : schema.Findings.Length > 0 ? CheckStatus.Warn
            : CheckStatus.Pass;
        yield return new CheckResult
        {
            CheckId = Id,
            Dataset = context.Dataset.Name,
            Status = status,
            Measured = schema.Unit == "columns"
                ? $"{Result.Count(schema.Checked)} columns, {breaking} breaking, {schema.Findings.Length - breaking} compatible differences"
                : $"{Result.Count(schema.Violations)} of {Result.Count(schema.Checked)} records invalid",
            Expected = expected,
            Value = schema.Violations,
            Unit = schema.Unit == "columns" ? "{column}" : "{record}",
            Message = status == CheckStatus.Pass ? null : schema.Findings.FirstOrDefault()?.Description,
            Evidence = [.. schema.Findings.Select(f => new Evidence(f.Description, f.Location, f.Record))],
            Duration = observed.Duration,
        };
    }
}
