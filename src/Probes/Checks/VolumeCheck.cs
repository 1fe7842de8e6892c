using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>Records per window against min and max. Anomaly detection needs history a single run does not have.</summary>
internal sealed class VolumeCheck : IProbeCheck
{
    private const string Id = "volume";

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Dataset.Volume is not { } volume)
        {
            yield break;
        }

        var bounds = new[] { volume.Min is { } min ? $"at least {Result.Count(min)}" : null, volume.Max is { } max ? $"at most {Result.Count(max)}" : null }.OfType<string>().ToList();
        var expected = bounds.Count > 0 ? $"{string.Join(" and ", bounds)} per {volume.Per}" : $"normal for the last {volume.Anomaly!.Lookback}";
        if (context.Observation.Failure is not null)
        {
            yield return Result.Unavailable(context, Id, expected);
            yield break;
        }

        if (context.Observation.RecordsInWindow is not { } observed)
        {
            yield break;
        }

        if (!observed.Succeeded)
        {
            yield return Result.Error(context, Id, expected, observed);
            yield break;
        }

        var count = observed.Value;
        var status = count < volume.Min || count > volume.Max ? CheckStatus.Fail : CheckStatus.Pass;
        string? message = status == CheckStatus.Fail ? $"{Result.Count(count)} records in the last {volume.Per}, {(count < volume.Min ? "below the minimum" : "above the maximum")}" : null;

        // A single run has no history to compare with: say so rather than pass the anomaly promise silently.
        if (volume.Anomaly is { } anomaly && status == CheckStatus.Pass)
        {
            status = CheckStatus.Warn;
            message = $"anomaly detection against the last {anomaly.Lookback} needs probe history, which a single run does not keep; only min/max were checked";
        }

        yield return new CheckResult
        {
            CheckId = Id,
            Dataset = context.Dataset.Name,
            Status = status,
            Measured = $"{Result.Count(count)} records in the last {volume.Per}",
            Expected = expected,
            Value = count,
            Unit = "{record}",
            Message = message,
            Duration = observed.Duration,
            Clock = context.Observation.Clock,
        };
    }
}
