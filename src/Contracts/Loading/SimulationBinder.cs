using System.Collections.Immutable;
using System.Globalization;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>Binds <c>simulation:</c>: seed, rate, lateness and named fault profiles.</summary>
internal static class SimulationBinder
{
    public static SimulationSettings? Bind(BindContext context, MappingNode simulation)
    {
        var rate = context.Value<Rate>(simulation, "rate", Rate.TryParse, Rules.InvalidRate);
        var duplicates = context.Value<Percentage>(simulation, "duplicates", Percentage.TryParse, Rules.InvalidPercentage);
        var late = BindContext.Mapping(simulation, "late") is { } lateBlock ? Late(context, lateBlock) : null;
        var profiles = ImmutableDictionary.CreateBuilder<string, FaultProfile>(StringComparer.Ordinal);
        var failed = (simulation["rate"] is not null && rate is null) || (simulation["duplicates"] is not null && duplicates is null) ||
                     (simulation["late"] is not null && late is null);
        foreach (var entry in BindContext.Mapping(simulation, "profiles")?.Entries ?? [])
        {
            if (entry.Value is MappingNode profileBlock && Profile(context, profileBlock) is { } profile)
            {
                profiles[entry.Key] = profile;
            }
            else
            {
                failed = true;
            }
        }

        return failed
            ? null
            : new SimulationSettings(context.Integer(simulation, "seed") ?? SimulationSettings.DefaultSeed, rate ?? SimulationSettings.DefaultRate,
                late, duplicates ?? Percentage.Zero, profiles.ToImmutable());
    }

    private static LateArrivals? Late(BindContext context, MappingNode block)
    {
        var share = context.Value<Percentage>(block, "share", Percentage.TryParse, Rules.InvalidPercentage);
        var upTo = context.Value<Duration>(block, "upTo", Duration.TryParse, Rules.InvalidDuration);
        return share is null || upTo is null ? null : new LateArrivals(share.Value, upTo.Value);
    }

    private static FaultProfile? Profile(BindContext context, MappingNode profile)
    {
        var http = BindContext.Mapping(profile, "http") is { } httpBlock ? Http(context, httpBlock) : null;
        var timeline = BindContext.Sequence(profile, "timeline")?.Items.OfType<MappingNode>().Select(s => Step(context, s)).ToList() ?? [];
        var violations = BindContext.Mapping(profile, "violations") is { } violationBlock ? Violations(context, violationBlock) : null;
        var pagination = BindContext.Mapping(profile, "pagination") is { } paginationBlock ? Pagination(context, paginationBlock) : null;
        if ((profile["http"] is not null && http is null) || timeline.Any(s => s is null) ||
            (profile["violations"] is not null && violations is null) || (profile["pagination"] is not null && pagination is null))
        {
            return null;
        }

        return new FaultProfile(http, [.. timeline!], violations, pagination);
    }

    private static HttpFaults? Http(BindContext context, MappingNode block)
    {
        var errors = ImmutableDictionary.CreateBuilder<int, Percentage>();
        var failed = false;
        foreach (var entry in BindContext.Mapping(block, "errors")?.Entries ?? [])
        {
            if (context.Value<Percentage>(entry.Value, Percentage.TryParse, Rules.InvalidPercentage) is { } share &&
                int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                errors[status] = share;
            }
            else
            {
                failed = true;
            }
        }

        var total = errors.Values.Sum(p => p.Percent);
        if (!failed && total > 100m)
        {
            context.Error(Rules.ShareTotal, block["errors"]!, $"the error shares add up to {total.ToString(CultureInfo.InvariantCulture)}%; a request gets one answer", Rules.ShareTotal.Hint);
            failed = true;
        }

        var latency = BindContext.Mapping(block, "latency") is { } latencyBlock ? Latency(context, latencyBlock) : null;
        RateLimit? rateLimit = null;
        if (BindContext.Mapping(block, "rateLimit") is { } limit)
        {
            var rate = context.Value<Rate>(limit, "rate", Rate.TryParse, Rules.InvalidRate);
            rateLimit = rate is null ? null : new RateLimit(rate.Value, (int)(context.Integer(limit, "burst") ?? Math.Max(1, rate.Value.Count)));
        }

        var expiry = context.Value<Duration>(block, "tokenExpiry", Duration.TryParse, Rules.InvalidDuration);
        if (failed || (block["latency"] is not null && latency is null) || (block["rateLimit"] is not null && rateLimit is null) ||
            (block["tokenExpiry"] is not null && expiry is null))
        {
            return null;
        }

        return new HttpFaults(errors.ToImmutable(), latency, rateLimit, expiry);
    }

    private static LatencyDistribution? Latency(BindContext context, MappingNode block)
    {
        var keys = block.Entries.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        Duration? Read(string key) => context.Value<Duration>(block, key, Duration.TryParse, Rules.InvalidDuration);
        switch (string.Join(',', keys))
        {
            case "fixed":
                return Read("fixed") is { } delay ? new FixedLatency(delay) : null;
            case "max,min":
                {
                    var (min, max) = (Read("min"), Read("max"));
                    if (min > max)
                    {
                        context.Error(Rules.ThresholdOrder, block["min"]!, $"latency min {min} is above max {max}", "swap min and max");
                        return null;
                    }

                    return min is null || max is null ? null : new UniformLatency(min.Value, max.Value);
                }

            case "p50,p99":
                {
                    var (p50, p99) = (Read("p50"), Read("p99"));
                    if (p50 > p99)
                    {
                        context.Error(Rules.ThresholdOrder, block["p99"]!, $"latency p99 {p99} is below p50 {p50}", "make p99 at least p50");
                        return null;
                    }

                    return p50 is null || p99 is null ? null : new LogNormalLatency(p50.Value, p99.Value);
                }

            default:
                if (!context.IsBroken(block))
                {
                    context.Error(Rules.InvalidValue, block, $"latency takes {{ fixed }}, {{ min, max }} or {{ p50, p99 }}, not {{ {string.Join(", ", keys)} }}",
                        "write e.g. { p50: 50ms, p99: 2s }");
                }

                return null;
        }
    }

    private static OutageStep? Step(BindContext context, MappingNode step)
    {
        var after = context.Value<Duration>(step, "after", Duration.TryParse, Rules.InvalidDuration);
        var length = context.Value<Duration>(step, "for", Duration.TryParse, Rules.InvalidDuration);
        if (after is null || length is null || step["mode"] is not ScalarNode mode || context.IsBroken(mode))
        {
            return null;
        }

        var backfill = context.Boolean(step, "backfill") ?? true;
        if (int.TryParse(mode.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return new OutageStep(after.Value, length.Value, OutageKind.Status, status, backfill);
        }

        return Enum.TryParse<OutageKind>(mode.Text, ignoreCase: true, out var kind) && kind != OutageKind.Status
            ? new OutageStep(after.Value, length.Value, kind, null, backfill)
            : null;
    }

    private static ViolationInjection? Violations(BindContext context, MappingNode block)
    {
        var share = context.Value<Percentage>(block, "share", Percentage.TryParse, Rules.InvalidPercentage);
        var kinds = BindContext.Sequence(block, "kinds")?.Items.OfType<ScalarNode>()
            .Select(k => Enum.TryParse<ViolationKind>(k.Text, ignoreCase: false, out var kind) || Enum.TryParse(k.Text, ignoreCase: true, out kind) ? kind : (ViolationKind?)null)
            .ToList();
        if (share is null || kinds?.Any(k => k is null) == true)
        {
            return null;
        }

        return new ViolationInjection(share.Value, kinds is null ? [.. Enum.GetValues<ViolationKind>()] : [.. kinds.Select(k => k!.Value)]);
    }

    private static PaginationFaults? Pagination(BindContext context, MappingNode block)
    {
        Percentage? Read(string key) => context.Value<Percentage>(block, key, Percentage.TryParse, Rules.InvalidPercentage);
        var (expired, overlap, skip) = (Read("expiredCursor"), Read("overlap"), Read("skip"));
        if ((block["expiredCursor"] is not null && expired is null) || (block["overlap"] is not null && overlap is null) || (block["skip"] is not null && skip is null))
        {
            return null;
        }

        var total = (expired ?? Percentage.Zero).Percent + (overlap ?? Percentage.Zero).Percent + (skip ?? Percentage.Zero).Percent;
        if (total > 100m)
        {
            context.Error(Rules.ShareTotal, block, $"the pagination fault shares add up to {total.ToString(CultureInfo.InvariantCulture)}%", Rules.ShareTotal.Hint);
            return null;
        }

        return new PaginationFaults(expired ?? Percentage.Zero, overlap ?? Percentage.Zero, skip ?? Percentage.Zero);
    }
}
