using ContractKit.Contracts.Model.Simulation;

namespace ContractKit.Mocks.Feeds;

/// <summary>
/// Which fault profile was active when. Outage timelines count from the moment their profile was
/// switched on, so "after 10m for 5m" means ten minutes after the switch.
/// </summary>
internal sealed class ProfileHistory
{
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset Since, string? Name, FaultProfile? Profile)> _switches = [];

    public ProfileHistory(DateTimeOffset start, string? name, FaultProfile? profile) => _switches.Add((start, name, profile));

    public void Switch(DateTimeOffset at, string? name, FaultProfile? profile)
    {
        lock (_lock)
        {
            // Clocks only move forward; a switch "in the past" takes effect now.
            var since = at < _switches[^1].Since ? _switches[^1].Since : at;
            _switches.Add((since, name, profile));
        }
    }

    public (DateTimeOffset Since, string? Name, FaultProfile? Profile) At(DateTimeOffset time)
    {
        lock (_lock)
        {
            for (var i = _switches.Count - 1; i >= 0; i--)
            {
                if (_switches[i].Since <= time)
                {
                    return _switches[i];
                }
            }

            return _switches[0];
        }
    }

    /// <summary>The outage step in force at <paramref name="time"/>, and when its window ends.</summary>
    public (OutageStep Step, DateTimeOffset Ends)? OutageAt(DateTimeOffset time) => OutageAt(At(time), time);

    /// <summary>
    /// The outage step of <paramref name="active"/> (what <see cref="At"/> answered for
    /// <paramref name="time"/>) in force then: for a caller that already holds it, without a second lookup.
    /// </summary>
    public static (OutageStep Step, DateTimeOffset Ends)? OutageAt((DateTimeOffset Since, string? Name, FaultProfile? Profile) active, DateTimeOffset time)
    {
        var (since, _, profile) = active;
        foreach (var step in profile?.Timeline ?? [])
        {
            var begins = since + step.After.ToTimeSpan();
            var ends = begins + step.For.ToTimeSpan();
            if (time >= begins && time < ends)
            {
                return (step, ends);
            }
        }

        return null;
    }
}
