using ContractKit.Probes.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContractKit.Cli.Telemetry;

/// <summary>Where telemetry goes, besides OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
internal enum TelemetryExport
{
    /// <summary>Only OTLP, and only when configured.</summary>
    None,

    /// <summary>Traces and metrics printed to the console as well.</summary>
    Console,
}

/// <summary>
/// Subscribes OpenTelemetry to the probes' ActivitySource and Meter for one command run. Disposing
/// flushes: the last metrics and spans are exported before the process ends.
/// </summary>
internal sealed class TelemetrySetup : IDisposable
{
    private readonly TracerProvider? _traces;
    private readonly MeterProvider? _metrics;

    public TelemetrySetup(TelemetryExport export)
    {
        var otlp = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (!otlp && export == TelemetryExport.None)
        {
            return;
        }

        var resource = ResourceBuilder.CreateDefault().AddService("contractkit", serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString());
        var traces = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(ProbeTelemetry.Name);
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(ProbeTelemetry.Name);
        if (otlp)
        {
            traces.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }

        if (export == TelemetryExport.Console)
        {
            traces.AddConsoleExporter();
            metrics.AddConsoleExporter();
        }

        _traces = traces.Build();
        _metrics = metrics.Build();
    }

    public void Dispose()
    {
        // ForceFlush returns false when an OTLP endpoint is unreachable; the results were printed already, so carry on.
        _metrics?.ForceFlush(5000);
        _traces?.ForceFlush(5000);
        _metrics?.Dispose();
        _traces?.Dispose();
    }
}
