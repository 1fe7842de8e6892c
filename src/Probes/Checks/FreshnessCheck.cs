using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>Age of the newest record, on the source's clock when it has one.</summary>
internal sealed class FreshnessCheck : IProbeCheck
{
    private const string Id = "freshness";

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Dataset.Freshness is not { } freshness)
        {
            yield break;
        }

        var expected = string.Join(", ", new[] { freshness.Warn is { } w ? $"warn at {w}" : null, freshness.Fail is { } f ? $"fail at {f}" : null }.OfType<string>());
        if (context.Observation.Failure is not null)
        {
            yield return Result.Unavailable(context, Id, expected);
            yield break;
        }

        if (context.Observation.NewestEventTime is not { } observed)
        {
            yield break;
        }

        if (!observed.Succeeded)
        {
            yield return Result.Error(context, Id, expected, observed);
            yield break;
        }

        var clock = context.Observation.Clock;
        if (observed.Value is not { } newest)
        {
            yield return new CheckResult
            {
                CheckId = Id, Dataset = context.Dataset.Name, Status = CheckStatus.Fail, Measured = "no records", Expected = expected,
                Message = "the source holds no records, so none is fresh", Duration = observed.Duration, Clock = clock,
            };
            yield break;
        }

        var age = clock.Now - newest;
        var status = freshness.Fail is { } fail && age >= fail.ToTimeSpan() ? CheckStatus.Fail
            : freshness.Warn is { } warn && age >= warn.ToTimeSpan() ? CheckStatus.Warn
            : CheckStatus.Pass;
        yield return new CheckResult
        {
            CheckId = Id,
            Dataset = context.Dataset.Name,
            Status = status,
            Measured = $"newest record {Result.Age(age)} old",
            Expected = expected,
            Value = Math.Max(0, age.TotalSeconds),
            Unit = "s",
            Message = age < TimeSpan.Zero
                ? $"the newest event time ({newest:O}) is ahead of the {clock.Description} ({clock.Now:O}): clocks disagree or event times are wrong"
                : status == CheckStatus.Pass ? null : $"the newest record is from {newest:O}",
            Duration = observed.Duration,
            Clock = clock,
        };
    }
}
