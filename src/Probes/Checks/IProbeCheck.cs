using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>What a check judges: a dataset's promises and what its source measured.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Observation">The measurements.</param>
public sealed record CheckContext(Contract Contract, Dataset Dataset, DatasetObservation Observation);

/// <summary>
/// Judges one kind of promise. Returns no result when the dataset makes no such promise or its
/// source kind cannot measure it; registered in <see cref="ProbeChecks"/>.
/// </summary>
public interface IProbeCheck
{
    /// <summary>The results for one dataset.</summary>
    IEnumerable<CheckResult> Evaluate(CheckContext context);
}

/// <summary>Every check a probe run makes. A new check is a type here and a line in <see cref="All"/>.</summary>
public static class ProbeChecks
{
    /// <summary>The checks, in the order results are listed.</summary>
    public static IReadOnlyList<IProbeCheck> All { get; } =
    [
        new SchemaCheck(), new FreshnessCheck(), new EventTimeCheck(), new VolumeCheck(), new QualityChecks(),
        new LatencyCheck(), new ErrorRateCheck(), new CdcCheck(), new PlanWarningsCheck(),
    ];
}

/// <summary>Shared helpers for building results.</summary>
internal static class Result
{
    public static CheckResult Error<T>(CheckContext context, string checkId, string expected, Observed<T> observed) => new()
    {
        CheckId = checkId,
        Dataset = context.Dataset.Name,
        Status = CheckStatus.Error,
        Measured = "not measured",
        Expected = expected,
        Message = observed.Error,
        Duration = observed.Duration,
    };

    public static CheckResult Unavailable(CheckContext context, string checkId, string expected) => new()
    {
        CheckId = checkId,
        Dataset = context.Dataset.Name,
        Status = CheckStatus.Error,
        Measured = "not measured",
        Expected = expected,
        Message = context.Observation.Failure,
    };

    public static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            return $"{Age(-age)} in the future";
        }

        return age.TotalSeconds < 1 ? $"{age.TotalMilliseconds:F0}ms"
            : age.TotalMinutes < 1 ? $"{age.TotalSeconds:F0}s"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m {age.Seconds}s"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
            : $"{(int)age.TotalDays}d {age.Hours}h";
    }
}
