using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.ServiceLevels;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>Binds <c>sla:</c>.</summary>
internal static class ServiceLevelBinder
{
    public static ServiceLevelObjectives? Bind(BindContext context, MappingNode sla)
    {
        var availability = context.Value<Percentage>(sla, "availability", Percentage.TryParse, Rules.InvalidPercentage);
        var window = context.Value<Duration>(sla, "window", Duration.TryParse, Rules.InvalidDuration);
        var errorRate = context.Value<Percentage>(sla, "errorRate", Percentage.TryParse, Rules.InvalidPercentage);
        var latency = BindContext.Mapping(sla, "latency") is { } latencyBlock ? Latency(context, latencyBlock) : null;
        var support = BindContext.Mapping(sla, "support") is { } supportBlock ? Support(context, supportBlock) : null;
        if ((sla["availability"] is not null && availability is null) || (sla["window"] is not null && window is null) ||
            (sla["errorRate"] is not null && errorRate is null) || (sla["latency"] is not null && latency is null) ||
            (sla["support"] is not null && support is null))
        {
            return null;
        }

        return new ServiceLevelObjectives(availability, window ?? ServiceLevelObjectives.DefaultWindow, latency, errorRate, support);
    }

    private static LatencyTargets? Latency(BindContext context, MappingNode block)
    {
        var names = new[] { "p50", "p90", "p95", "p99" };
        var values = names.Select(n => context.Value<Duration>(block, n, Duration.TryParse, Rules.InvalidDuration)).ToArray();
        if (names.Where((n, i) => block[n] is not null && values[i] is null).Any())
        {
            return null;
        }

        // Percentiles ascend: a p99 below the p95 promises the impossible.
        var previous = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (values[i] is not { } current)
            {
                continue;
            }

            if (previous >= 0 && current < values[previous]!.Value)
            {
                context.Error(Rules.ThresholdOrder, block[names[i]]!,
                    $"latency {names[i]} {current} is below {names[previous]} {values[previous]}; a higher percentile cannot be faster",
                    $"make {names[i]} at least {values[previous]}");
                return null;
            }

            previous = i;
        }

        return new LatencyTargets(values[0], values[1], values[2], values[3]);
    }

    private static Support? Support(BindContext context, MappingNode block)
    {
        var hours = context.Object<SupportHours>(block, "hours", SupportHours.TryParse, Rules.InvalidSupportHours);
        var response = context.Value<Duration>(block, "response", Duration.TryParse, Rules.InvalidDuration);
        return (block["hours"] is not null && hours is null) || (block["response"] is not null && response is null)
            ? null
            : new Support(hours, response);
    }
}
