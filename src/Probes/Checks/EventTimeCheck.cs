using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>
/// Event times that cannot be right pass the schema (they are valid date-times) but corrupt
/// freshness, volume and every consumer's time windows: records from the future fail, records
/// more than a year old warn (a backfill may explain them).
/// </summary>
internal sealed class EventTimeCheck : IProbeCheck
{
    private const string Id = "eventTime";

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Observation.EventTimeAnomalies is not { } observed || context.Dataset.EventTime is not { } field)
        {
            yield break;
        }

        var expected = $"{field} not in the future, not years old";
        if (!observed.Succeeded)
        {
            yield return Result.Error(context, Id, expected, observed);
            yield break;
        }

        var anomalies = observed.Value!;
        var status = anomalies.Future > 0 ? CheckStatus.Fail : anomalies.Ancient > 0 ? CheckStatus.Warn : CheckStatus.Pass;
        yield return new CheckResult
        {
            CheckId = Id,
            Dataset = context.Dataset.Name,
            Status = status,
            Measured = $"{Result.Count(anomalies.Future)} in the future, {Result.Count(anomalies.Ancient)} over a year old, of {Result.Count(anomalies.Checked)}",
            Expected = expected,
            Value = anomalies.Future + anomalies.Ancient,
            Unit = "{record}",
            Message = status == CheckStatus.Pass ? null : $"{anomalies.Future + anomalies.Ancient} records carry event times that cannot be right: clock skew at the source, or wrong times",
            Evidence = [.. anomalies.Evidence.Select(f => new Evidence(f.Description, f.Location, f.Record))],
            Duration = observed.Duration,
            Clock = context.Observation.Clock,
        };
    }
}
