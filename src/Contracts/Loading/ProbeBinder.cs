using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Probing;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>Binds <c>probe:</c>: schedule, alerts and maintenance windows.</summary>
internal static class ProbeBinder
{
    public static ProbeSettings? Bind(BindContext context, MappingNode probe)
    {
        var schedule = Schedule(context, probe);
        var timeout = context.Value<Duration>(probe, "timeout", Duration.TryParse, Rules.InvalidDuration);
        var alerts = BindContext.Sequence(probe, "alerts")?.Items.OfType<MappingNode>().Select(a => Alert(context, a)).ToList() ?? [];
        var maintenance = BindContext.Sequence(probe, "maintenance")?.Items.OfType<MappingNode>().Select(m => Maintenance(context, m)).ToList() ?? [];
        if (schedule is null || (probe["timeout"] is not null && timeout is null) || alerts.Any(a => a is null) || maintenance.Any(m => m is null))
        {
            return null;
        }

        return new ProbeSettings(schedule, timeout ?? ProbeSettings.DefaultTimeout, [.. alerts!], [.. maintenance!]);
    }

    private static ProbeSchedule? Schedule(BindContext context, MappingNode probe)
    {
        var hasEvery = probe["every"] is not null;
        var hasCron = probe["cron"] is not null;
        if (hasEvery == hasCron)
        {
            context.Error(Rules.InvalidValue, probe, hasEvery
                ? "probe has both 'every' and 'cron'; a schedule is one or the other"
                : "probe has no schedule: add 'every' (e.g. 5m) or 'cron'", hasEvery ? "remove one of them" : "add e.g. every: 5m");
            return null;
        }

        if (hasEvery)
        {
            if (probe["timezone"] is { } zoneNode)
            {
                context.Error(Rules.InvalidValue, zoneNode, "timezone applies to cron schedules; an interval has none", "remove timezone");
                return null;
            }

            var every = context.Value<Duration>(probe, "every", Duration.TryParse, Rules.InvalidDuration);
            if (every < Duration.FromSeconds(10))
            {
                context.Error(Rules.InvalidDuration, probe["every"]!, $"probing every {every} would load the source more than the probe measures", "probe at most every 10s");
                return null;
            }

            return every is { } interval ? new IntervalSchedule(interval) : null;
        }

        var zone = Zone(context, probe);
        var cron = zone is null ? null : Cron(context, probe["cron"]!, zone);
        return cron is null ? null : new CronProbeSchedule(cron);
    }

    private static AlertRoute? Alert(BindContext context, MappingNode alert)
    {
        var webhook = context.Secret(alert, "webhook", referenceOnly: true);
        var format = context.Enum<AlertFormat>(alert, "format") ?? AlertFormat.Json;
        var remind = context.Value<Duration>(alert, "remindEvery", Duration.TryParse, Rules.InvalidDuration);
        return webhook is null || (alert["remindEvery"] is not null && remind is null)
            ? null
            : new AlertRoute(webhook, format, (int)(context.Integer(alert, "failAfter") ?? 1), (int)(context.Integer(alert, "resolveAfter") ?? 1), remind);
    }

    private static MaintenanceWindow? Maintenance(BindContext context, MappingNode window)
    {
        var zone = Zone(context, window);
        var cron = zone is null || window["cron"] is not { } cronNode ? null : Cron(context, cronNode, zone);
        var length = context.Value<Duration>(window, "duration", Duration.TryParse, Rules.InvalidDuration);
        return cron is null || length is null ? null : new MaintenanceWindow(cron, length.Value);
    }

    private static TimeZoneInfo? Zone(BindContext context, MappingNode block)
    {
        if (block["timezone"] is not { } node)
        {
            return TimeZoneInfo.Utc;
        }

        if (context.Text(block, "timezone") is not { } name)
        {
            return null;
        }

        if (TimeZones.TryFind(name, out var zone, out var error))
        {
            return zone;
        }

        context.Error(Rules.InvalidTimeZone, node, error!);
        return null;
    }

    internal static CronSchedule? Cron(BindContext context, DocumentNode node, TimeZoneInfo zone)
    {
        if (node is not ScalarNode { Kind: ScalarKind.String } text || context.IsBroken(node))
        {
            return null;
        }

        if (CronSchedule.TryParse(text.Text, zone, out var cron, out var error))
        {
            return cron;
        }

        context.Error(Rules.InvalidCron, node, error!);
        return null;
    }
}
