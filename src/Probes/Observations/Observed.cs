namespace ContractKit.Probes.Observations;

/// <summary>
/// One measurement of a source: its value, or why it could not be taken. Each measurement has its
/// own time limit, so a slow query fails only the checks that need it.
/// </summary>
/// <typeparam name="T">What was measured.</typeparam>
public sealed record Observed<T>
{
    private Observed(T? value, string? error, TimeSpan duration)
    {
        Value = value;
        Error = error;
        Duration = duration;
    }

    /// <summary>The value; meaningful only when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>Why it could not be measured (already free of secrets).</summary>
    public string? Error { get; }

    /// <summary>How long measuring took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when the value was measured.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A measured value.</summary>
    public static Observed<T> Of(T value, TimeSpan duration) => new(value, null, duration);

    /// <summary>A measurement that could not be taken.</summary>
    public static Observed<T> Failed(string error, TimeSpan duration) => new(default, error, duration);
}
