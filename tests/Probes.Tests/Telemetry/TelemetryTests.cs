using System.Diagnostics;
using ContractKit.Probes.Telemetry;
using ContractKit.Probes.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ContractKit.Probes.Tests.Telemetry;

/// <summary>What an OpenTelemetry pipeline receives from a probe run, through the in-memory exporter.</summary>
public class TelemetryTests
{
    [Test]
    public async Task A_run_is_a_trace_with_a_span_per_check_and_conventional_metrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracer = Sdk.CreateTracerProviderBuilder().AddSource(ProbeTelemetry.Name).AddInMemoryExporter(spans).Build())
        using (var meter = Sdk.CreateMeterProviderBuilder().AddMeter(ProbeTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            using var drop = new ClickDrop();
            drop.Drop("a.jsonl", ClickDrop.Record("1", TimeSpan.FromMinutes(5)), ClickDrop.Record("1", TimeSpan.FromMinutes(6)));
            await new ProbeRunner(new ProbeOptions { TimeProvider = new FixedTime(ClickDrop.Now) }).RunAsync(await drop.LoadAsync());
            meter.ForceFlush();
            tracer.ForceFlush();
        }

        var root = spans.Single(s => s.DisplayName == "probe click-drop");
        Assert.That(root.GetTagItem("contractkit.contract.version"), Is.EqualTo("1.0.0"));
        Assert.That(root.Status, Is.EqualTo(ActivityStatusCode.Error), "a failing check fails the run's span");
        var checks = spans.Where(s => s.ParentSpanId == root.SpanId).ToList();
        Assert.That(checks.Select(s => s.DisplayName), Is.EquivalentTo(new[]
        {
            "check clicks/schema", "check clicks/freshness", "check clicks/eventTime", "check clicks/volume", "check clicks/nullRate:email", "check clicks/duplicates:event_id",
        }));
        var duplicates = checks.Single(s => s.DisplayName.EndsWith("duplicates:event_id", StringComparison.Ordinal));
        Assert.That((duplicates.GetTagItem("contractkit.dataset"), duplicates.GetTagItem("contractkit.check.status"), duplicates.GetTagItem("contractkit.contract.id")),
            Is.EqualTo(("clicks", "fail", "click-drop")));

        // Flushing and disposing both export: the first export of each metric is enough.
        var byName = metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());
        Assert.That(byName["contractkit.probe.duration"].Unit, Is.EqualTo("s"));
        Assert.That(byName["contractkit.probe.duration"].MetricType, Is.EqualTo(MetricType.Histogram));
        Assert.That(byName["contractkit.probe.freshness.age"].Unit, Is.EqualTo("s"));
        Assert.That(Points(byName["contractkit.probe.freshness.age"]).Single().Value, Is.EqualTo(300));
        Assert.That(byName["contractkit.probe.volume"].Unit, Is.EqualTo("{record}"));
        Assert.That(byName["contractkit.probe.check.status"].Unit, Is.EqualTo("1"));
        var failing = Points(byName["contractkit.probe.check.status"]).Where(p => p.Value == 1 && p.Tags["contractkit.check.status"] as string == "fail").Select(p => p.Tags["contractkit.check"]);
        Assert.That(failing, Is.EquivalentTo(new[] { "duplicates:event_id", "volume" }));
        Assert.That(metrics.Select(m => m.Name), Is.All.Match("^contractkit\\.probe\\.[a-z.]+$"), "dotted names, no units in names");
    }

    private static IEnumerable<(double Value, Dictionary<string, object?> Tags)> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            var value = metric.MetricType switch
            {
                MetricType.LongGauge => point.GetGaugeLastValueLong(),
                MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                MetricType.LongSum => point.GetSumLong(),
                _ => point.GetSumDouble(),
            };
            yield return (value, tags);
        }
    }
}
