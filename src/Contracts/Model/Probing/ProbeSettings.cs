using System.Collections.Immutable;
using ContractKit.Contracts.Secrets;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Probing;

/// <summary>How the source is probed on a schedule, and who hears about failures.</summary>
/// <param name="Schedule">When to probe.</param>
/// <param name="Timeout">Time limit per check.</param>
/// <param name="Alerts">Where alerts go.</param>
/// <param name="Maintenance">Windows in which failures do not alert.</param>
public sealed record ProbeSettings(ProbeSchedule Schedule, Duration Timeout, ImmutableArray<AlertRoute> Alerts, ImmutableArray<MaintenanceWindow> Maintenance)
{
    /// <summary>Default time limit per check.</summary>
    public static Duration DefaultTimeout { get; } = Duration.FromSeconds(30);
}

/// <summary>When probes run.</summary>
public abstract record ProbeSchedule;

/// <summary>At a fixed interval.</summary>
/// <param name="Interval">The interval.</param>
public sealed record IntervalSchedule(Duration Interval) : ProbeSchedule;

/// <summary>On a cron schedule.</summary>
/// <param name="Cron">The schedule.</param>
public sealed record CronProbeSchedule(CronSchedule Cron) : ProbeSchedule;

/// <summary>Message formats for alert webhooks.</summary>
public enum AlertFormat
{
    /// <summary>Slack incoming webhook.</summary>
    Slack,

    /// <summary>Microsoft Teams incoming webhook.</summary>
    Teams,

    /// <summary>ContractKit's own JSON.</summary>
    Json,
}

/// <summary>An alert destination and its noise control.</summary>
/// <param name="Webhook">The webhook URL's reference.</param>
/// <param name="Format">The message format.</param>
/// <param name="FailAfter">Consecutive failures before alerting.</param>
/// <param name="ResolveAfter">Consecutive passes before resolving.</param>
/// <param name="RemindEvery">Repeat an open alert this often, if set.</param>
public sealed record AlertRoute(SecretText Webhook, AlertFormat Format, int FailAfter, int ResolveAfter, Duration? RemindEvery);

/// <summary>A recurring window in which failures do not alert.</summary>
/// <param name="Start">When the window opens.</param>
/// <param name="Length">How long it stays open.</param>
public sealed record MaintenanceWindow(CronSchedule Start, Duration Length);
