namespace ContractKit.Mocks.Clock;

/// <summary>
/// A clock that moves only when told to: tests advance a simulated source by hours without
/// sleeping. Simulators read it on every request, so advancing it changes what they serve. Only
/// the time of day is virtual: timers and elapsed time (<see cref="TimeProvider.GetTimestamp"/>,
/// <see cref="TimeProvider.CreateTimer"/>) stay real, so a probe measuring with this clock still
/// waits out its retries and times its requests.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now;

    /// <summary>A clock standing at <paramref name="start"/>.</summary>
    public VirtualClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <summary>Raised after the clock moves, with the new time.</summary>
    public event Action<DateTimeOffset>? Advanced;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative: simulated time never runs backwards.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset now;
        lock (_lock)
        {
            _now += by;
            now = _now;
        }

        Advanced?.Invoke(now);
    }
}

/// <summary>Real time sped up (<c>--speed 60x</c>: a simulated hour per real minute), from a starting point.</summary>
public sealed class ScaledClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _realStart;
    private readonly double _speed;
    private readonly TimeProvider _real;

    /// <summary>A clock that starts at <paramref name="start"/> and runs <paramref name="speed"/> times faster than <paramref name="real"/>.</summary>
    public ScaledClock(DateTimeOffset start, double speed, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(speed, 0);
        _real = real ?? System;
        _start = start.ToUniversalTime();
        _realStart = _real.GetTimestamp();
        _speed = speed;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + (_real.GetElapsedTime(_realStart) * _speed);
}
