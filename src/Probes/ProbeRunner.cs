using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Secrets;
using ContractKit.Probes.Checks;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Results;
using ContractKit.Probes.Sources;
using ContractKit.Probes.Telemetry;

namespace ContractKit.Probes;

/// <summary>
/// Probes a contract's source once: every dataset (several at a time), every check that applies,
/// each measurement under its own time limit. A scheduler calls <see cref="RunAsync"/> on its
/// schedule; nothing here keeps state between runs.
/// </summary>
/// <param name="options">How runs behave.</param>
/// <param name="secrets">Resolves secret references; null reads the environment and files beside the contract.</param>
/// <param name="sources">Source probes by kind; null uses <see cref="SourceProbes.All"/>.</param>
public sealed class ProbeRunner(ProbeOptions? options = null, ISecretResolver? secrets = null, IReadOnlyList<ISourceProbe>? sources = null)
{
    private readonly ProbeOptions _options = options ?? ProbeOptions.Default;
    private readonly IReadOnlyList<ISourceProbe> _sources = sources ?? SourceProbes.All;

    /// <summary>Probes one contract.</summary>
    public async Task<ProbeReport> RunAsync(Contract contract, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var started = _options.TimeProvider.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var runOptions = _options with { CheckTimeout = _options.Timeout ?? contract.Probe?.Timeout.ToTimeSpan() ?? _options.CheckTimeout };
        var context = new ProbeContext(runOptions, secrets ?? new EnvironmentSecretResolver(contract.BaseDirectory));
        using var activity = ProbeTelemetry.Source.StartActivity($"probe {contract.Id}");
        activity?.SetTag("contractkit.contract.id", contract.Id.Value);
        activity?.SetTag("contractkit.contract.version", contract.Version.ToString());
        activity?.SetTag("contractkit.source.kind", contract.Source.Kind.ToString().ToLowerInvariant());

        var datasets = contract.Datasets.Where(d => runOptions.Datasets.Count == 0 || runOptions.Datasets.Contains(d.Name)).ToList();
        var observations = new ConcurrentDictionary<string, (DatasetObservation Observation, DateTimeOffset Started)>(StringComparer.Ordinal);
        var source = _sources.FirstOrDefault(s => s.Kind == contract.Source.Kind);
        if (source is null)
        {
            var clock = context.LocalClock();
            foreach (var dataset in datasets)
            {
                observations[dataset.Name] = (DatasetObservation.Unavailable(clock, $"probing {contract.Source.Kind.ToString().ToLowerInvariant()} sources is not supported yet"), started);
            }
        }
        else
        {
            await ObserveAllAsync(contract, source, datasets, context, observations, cancellationToken).ConfigureAwait(false);
        }

        var results = ImmutableArray.CreateBuilder<CheckResult>();
        var notes = ImmutableArray.CreateBuilder<DatasetNote>();
        foreach (var dataset in datasets)
        {
            var (observation, observeStarted) = observations[dataset.Name];
            notes.AddRange(observation.Notes.Select(note => new DatasetNote(dataset.Name, context.Redactor.Redact(note))));
            foreach (var result in ProbeChecks.All.SelectMany(check => check.Evaluate(new CheckContext(contract, dataset, observation))).Where(Selected))
            {
                var redacted = Redact(result, context);
                results.Add(redacted);
                ProbeTelemetry.Record(contract.Id.Value, contract.Version.ToString(), redacted);
                Trace(activity, redacted, observeStarted);
            }
        }

        var report = new ProbeReport(contract.Id.Value, contract.Version.ToString(), contract.Title, contract.Source.Kind, started, stopwatch.Elapsed, results.ToImmutable())
        {
            Notes = notes.ToImmutable(),
        };
        activity?.SetTag("contractkit.probe.status", ProbeTelemetry.StatusName(report.Status));
        activity?.SetStatus(report.Status >= CheckStatus.Fail ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        return report;
    }

    private async Task ObserveAllAsync(Contract contract, ISourceProbe source, List<Dataset> datasets, ProbeContext context,
        ConcurrentDictionary<string, (DatasetObservation, DateTimeOffset)> observations, CancellationToken cancellationToken)
    {
        ISourceSession session;
        try
        {
            session = await source.OpenAsync(contract, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var clock = context.LocalClock();
            var message = context.Redactor.Redact(e is ProbeConfigurationException ? e.Message : $"cannot open the source: {e.Message}");
            foreach (var dataset in datasets)
            {
                observations[dataset.Name] = (DatasetObservation.Unavailable(clock, message), clock.Now);
            }

            return;
        }

        await using (session.ConfigureAwait(false))
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrency), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(datasets, parallel, async (dataset, token) =>
            {
                var started = context.Time.GetUtcNow();
                DatasetObservation observation;
                try
                {
                    observation = await session.ObserveAsync(dataset, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // A source that throws has not measured: every check of the dataset is an error, never a pass.
                    observation = DatasetObservation.Unavailable(context.LocalClock(), context.Redactor.Redact($"{e.GetType().Name}: {e.Message}"));
                }

                observations[dataset.Name] = (observation, started);
            }).ConfigureAwait(false);
        }
    }

    private bool Selected(CheckResult result) =>
        _options.Checks.Count == 0 ||
        _options.Checks.Any(c => result.CheckId == c || result.CheckId.StartsWith(c + ":", StringComparison.Ordinal));

    private static CheckResult Redact(CheckResult result, ProbeContext context) => result with
    {
        Message = result.Message is null ? null : context.Redactor.Redact(result.Message),
        Measured = context.Redactor.Redact(result.Measured),
        Evidence = [.. result.Evidence.Select(e => e with
        {
            Description = context.Redactor.Redact(e.Description),
            Record = e.Record is null ? null : context.Redactor.Redact(e.Record),
        })],
    };

    private static void Trace(Activity? parent, CheckResult result, DateTimeOffset started)
    {
        if (parent is null)
        {
            return;
        }

        using var span = ProbeTelemetry.Source.StartActivity($"check {result.Dataset}/{result.CheckId}", ActivityKind.Internal, parent.Context, startTime: started);
        if (span is null)
        {
            return;
        }

        span.SetTag("contractkit.contract.id", parent.GetTagItem("contractkit.contract.id"));
        span.SetTag("contractkit.contract.version", parent.GetTagItem("contractkit.contract.version"));
        span.SetTag("contractkit.dataset", result.Dataset);
        span.SetTag("contractkit.check", result.CheckId);
        span.SetTag("contractkit.check.status", ProbeTelemetry.StatusName(result.Status));
        span.SetStatus(result.Status >= CheckStatus.Fail ? ActivityStatusCode.Error : ActivityStatusCode.Ok, result.Message);
        span.SetEndTime((started + result.Duration).UtcDateTime);
    }
}
