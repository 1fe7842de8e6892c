using System.Diagnostics;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Records;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Records;
using ContractKit.Probes.Results;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ContractKit.Probes.Sources.Files;

/// <summary>
/// File drops: every file the dataset's glob matches (relative to the source root, itself relative
/// to the contract), read record by record with the validator. Freshness comes from the newest event
/// time inside, or the newest modification time when the contract says so; the clock is local.
/// </summary>
internal sealed class FilesSourceProbe : ISourceProbe
{
    public SourceKind Kind => SourceKind.Files;

    public Task<ISourceSession> OpenAsync(Contract contract, ProbeContext context, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Path.Combine(contract.BaseDirectory, ((FilesSource)contract.Source).Root));
        if (!Directory.Exists(root))
        {
            throw new ProbeConfigurationException($"the files source's root {root} does not exist");
        }

        return Task.FromResult<ISourceSession>(new Session(root, context));
    }

    private sealed class Session(string root, ProbeContext context) : ISourceSession
    {
        public async Task<DatasetObservation> ObserveAsync(Dataset dataset, CancellationToken cancellationToken)
        {
            var location = (FilesLocation)dataset.Location;
            var clock = context.LocalClock();
            var stopwatch = Stopwatch.StartNew();
            using var timeout = context.StepTimeout(cancellationToken);
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(location.Glob);
            var files = matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList();
            var observer = new RecordObserver(dataset, clock.Now, context.Options.EvidenceLimit);
            var csv = CsvOptions.For(dataset.Schema, location.Delimiter);
            DateTimeOffset? newestFile = null;
            try
            {
                foreach (var file in files)
                {
                    var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
                    newestFile = newestFile is null || modified > newestFile ? modified : newestFile;
                    var shown = Path.GetRelativePath(root, file);
                    await using var stream = File.OpenRead(file);
                    await foreach (var entry in RecordReader.ReadAsync(stream, location.Format, csv, timeout.Token))
                    {
                        if (entry.HasRecord)
                        {
                            observer.Observe(entry.Record, $"{shown}:{entry.Line}");
                        }
                        else
                        {
                            observer.ObserveProblem(entry.Problem.Message, $"{shown}:{entry.Problem.Line}", null);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DatasetObservation.Unavailable(clock, $"reading the files took longer than {context.Options.CheckTimeout.TotalSeconds:0}s");
            }
            catch (IOException e)
            {
                return DatasetObservation.Unavailable(clock, context.Redactor.Redact($"a file could not be read: {e.Message}"));
            }

            var observation = observer.Complete(clock, stopwatch.Elapsed);
            if (location.FreshnessFrom == FreshnessBasis.ModifiedTime)
            {
                observation = observation with { NewestEventTime = Observed<DateTimeOffset?>.Of(newestFile, stopwatch.Elapsed) };
            }

            return observation with
            {
                Notes = [$"{(files.Count == 1 ? "1 file matches" : $"{files.Count} files match")} {location.Glob}, {observer.Records:N0} records read"],
            };
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
