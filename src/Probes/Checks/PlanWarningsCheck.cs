using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>
/// Shows what a source found that weakens or slows its measurements (an event-time column without
/// an index: freshness and volume scan the whole table) as a warning result with the id
/// <c>plan</c>, one per warning, so it reaches every output instead of staying in the observation.
/// </summary>
internal sealed class PlanWarningsCheck : IProbeCheck
{
    private const string Id = "plan";

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Observation.Failure is not null)
        {
            yield break;
        }

        foreach (var warning in context.Observation.Warnings)
        {
            yield return new CheckResult
            {
                CheckId = Id,
                Dataset = context.Dataset.Name,
                Status = CheckStatus.Warn,
                Measured = warning,
                Expected = "measurements served by an index",
                Message = warning,
            };
        }
    }
}
