using System.Globalization;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>The contract's quality checks: null rates, duplicates and custom SQL, one result each.</summary>
internal sealed class QualityChecks : IProbeCheck
{
    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        foreach (var check in context.Dataset.Quality)
        {
            var expected = Expected(check);
            if (context.Observation.Failure is not null)
            {
                yield return Result.Unavailable(context, check.Id, expected);
                continue;
            }

            if (!context.Observation.Quality.TryGetValue(check.Id, out var observed))
            {
                continue;
            }

            if (!observed.Succeeded)
            {
                yield return Result.Error(context, check.Id, expected, observed);
                continue;
            }

            yield return Judge(context, check, observed.Value!, expected) with { Duration = observed.Duration };
        }
    }

    private static string Expected(QualityCheck check) => check switch
    {
        NullRateCheck n => $"at most {n.Max} null",
        DuplicatesCheck d => $"at most {Result.Count(d.Max)} duplicates",
        SqlCheck s => string.Join(" and ", new[] { s.Min is { } min ? $"at least {min.ToString(CultureInfo.InvariantCulture)}" : null, s.Max is { } max ? $"at most {max.ToString(CultureInfo.InvariantCulture)}" : null }.OfType<string>()),
        _ => check.Kind,
    };

    private static CheckResult Judge(CheckContext context, QualityCheck check, Observations.QualityMeasurement measured, string expected)
    {
        var (status, text, value, unit) = check switch
        {
            NullRateCheck n => NullRate(n, measured),
            DuplicatesCheck d => (measured.Count > d.Max ? CheckStatus.Fail : CheckStatus.Pass,
                $"{Result.Count((long)measured.Count)} duplicate records of {Result.Count(measured.Total ?? 0)}", (double)measured.Count, "{record}"),
            SqlCheck s => (measured.Count < s.Min || measured.Count > s.Max ? CheckStatus.Fail : CheckStatus.Pass,
                $"query returned {measured.Count.ToString(CultureInfo.InvariantCulture)}", (double)measured.Count, "1"),
            _ => (CheckStatus.Error, "unknown check", 0d, "1"),
        };
        return new CheckResult
        {
            CheckId = check.Id, Dataset = context.Dataset.Name, Status = status, Measured = text, Expected = expected, Value = value, Unit = unit,
        };
    }

    private static (CheckStatus, string, double, string) NullRate(NullRateCheck check, Observations.QualityMeasurement measured)
    {
        var total = measured.Total ?? 0;
        var percent = total == 0 ? 0m : measured.Count * 100m / total;
        var status = percent > check.Max.Percent ? CheckStatus.Fail : CheckStatus.Pass;
        var text = total == 0 ? "no records to measure" : $"{percent.ToString("0.###", CultureInfo.InvariantCulture)}% null ({Result.Count((long)measured.Count)} of {Result.Count(total)})";
        return (status, text, (double)percent, "%");
    }
}
