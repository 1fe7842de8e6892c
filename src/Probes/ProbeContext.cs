using ContractKit.Contracts.Secrets;
using ContractKit.Probes.Redaction;
using ContractKit.Probes.Results;
using ContractKit.Probes.Sources;

namespace ContractKit.Probes;

/// <summary>What sources may use during one run: the clock, secrets, limits and the redactor.</summary>
public sealed class ProbeContext
{
    internal ProbeContext(ProbeOptions options, ISecretResolver secrets)
    {
        Options = options;
        Secrets = secrets;
    }

    /// <summary>The run's options.</summary>
    public ProbeOptions Options { get; }

    /// <summary>The clock on the probing machine.</summary>
    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Resolves the contract's secret references.</summary>
    public ISecretResolver Secrets { get; }

    /// <summary>Scrubs every resolved secret from text before it leaves the probe.</summary>
    public SecretRedactor Redactor { get; } = new();

    /// <summary>
    /// Resolves a configuration value and registers it with <see cref="Redactor"/> before any
    /// driver or request can echo it.
    /// </summary>
    /// <exception cref="ProbeConfigurationException">It cannot be resolved; the message names references, never values.</exception>
    public async Task<Secret> ResolveAsync(SecretText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var resolution = await Secrets.ResolveAsync(text, cancellationToken).ConfigureAwait(false);
        if (resolution.Secret is not { } secret)
        {
            throw new ProbeConfigurationException(resolution.Error ?? $"{text} cannot be resolved");
        }

        Redactor.Register(secret);
        return secret;
    }

    /// <summary>The local clock, for sources that have none.</summary>
    public ProbeClock LocalClock() => new(Time.GetUtcNow(), ClockSource.Local, "local clock");

    /// <summary>A token that cancels after the per-check time limit.</summary>
    public CancellationTokenSource StepTimeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(Options.CheckTimeout);
        return source;
    }
}
