using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Probes.Observations;

namespace ContractKit.Probes.Sources;

/// <summary>
/// Measures datasets of one kind of source. One implementation per <see cref="SourceKind"/>,
/// registered in <see cref="SourceProbes"/>. Implementations only read: they never write to a source.
/// </summary>
public interface ISourceProbe
{
    /// <summary>The kind of source this probe reads.</summary>
    SourceKind Kind { get; }

    /// <summary>Connects (resolving secrets) for one probe run of one contract.</summary>
    /// <exception cref="ProbeConfigurationException">The source cannot be reached as configured; the message holds no secret.</exception>
    Task<ISourceSession> OpenAsync(Contract contract, ProbeContext context, CancellationToken cancellationToken);
}

/// <summary>An open connection to a source for one run; datasets may be observed concurrently.</summary>
public interface ISourceSession : IAsyncDisposable
{
    /// <summary>Takes every measurement the dataset's promises need.</summary>
    Task<DatasetObservation> ObserveAsync(Dataset dataset, CancellationToken cancellationToken);
}

/// <summary>The source cannot be probed as configured (a secret is missing, the host is unknown). Its message holds no secret.</summary>
public sealed class ProbeConfigurationException(string message) : Exception(message);
