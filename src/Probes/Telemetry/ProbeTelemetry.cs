using System.Diagnostics;
using System.Diagnostics.Metrics;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Telemetry;

/// <summary>
/// Traces and metrics of probe runs, on System.Diagnostics only: the CLI (or any host) subscribes
/// with OpenTelemetry through <see cref="Name"/>, the way Npgsql's ActivitySource works.
/// Names follow the OpenTelemetry conventions: dotted, units in UCUM, never in the name.
/// </summary>
public static class ProbeTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "ContractKit.Probes";

    internal static readonly ActivitySource Source = new(Name, typeof(ProbeTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Meter Meter = new(Name, typeof(ProbeTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Histogram<double> CheckDuration = Meter.CreateHistogram<double>(
        "contractkit.probe.duration", "s", "How long each check's measurement took.");

    private static readonly Gauge<double> FreshnessAge = Meter.CreateGauge<double>(
        "contractkit.probe.freshness.age", "s", "Age of the newest record, on the source's clock when it has one.");

    private static readonly Gauge<long> Volume = Meter.CreateGauge<long>(
        "contractkit.probe.volume", "{record}", "Records with an event time in the dataset's volume window.");

    private static readonly Counter<long> Violations = Meter.CreateCounter<long>(
        "contractkit.probe.violations", "{violation}", "Records or columns found breaking the schema.");

    private static readonly Gauge<int> Status = Meter.CreateGauge<int>(
        "contractkit.probe.check.status", "1", "1 for a check's current status, 0 for the others (a state set).");

    internal static void Record(string contract, string version, CheckResult result)
    {
        var tags = new TagList
        {
            { "contractkit.contract.id", contract },
            { "contractkit.contract.version", version },
            { "contractkit.dataset", result.Dataset },
            { "contractkit.check", result.CheckId },
        };
        CheckDuration.Record(result.Duration.TotalSeconds, tags);
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            var stateTags = tags;
            stateTags.Add("contractkit.check.status", StatusName(status));
            Status.Record(status == result.Status ? 1 : 0, stateTags);
        }

        if (result.Value is not { } value || result.Status == CheckStatus.Error)
        {
            return;
        }

        switch (result.CheckId)
        {
            case "freshness":
                FreshnessAge.Record(value, tags);
                break;
            case "volume":
                Volume.Record((long)value, tags);
                break;
            case "schema" when value > 0:
                Violations.Add((long)value, tags);
                break;
        }
    }

    internal static string StatusName(CheckStatus status) => status.ToString().ToLowerInvariant();
}
