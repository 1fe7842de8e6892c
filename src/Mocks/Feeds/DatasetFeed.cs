using ContractKit.Contracts.Model.Simulation;
using ContractKit.Mocks.Ledger;
using ContractKit.Mocks.Randomness;

namespace ContractKit.Mocks.Feeds;

/// <summary>One served record: its place in the feed and its bytes.</summary>
/// <param name="Sequence">0-based position in the feed.</param>
/// <param name="Index">Which generated record (duplicates share it).</param>
/// <param name="Copy">0 for the original, 1 for the duplicate.</param>
/// <param name="EventTime">Its true event time.</param>
/// <param name="VisibleAt">When it became visible.</param>
/// <param name="Violation">The violation it carries, if any.</param>
/// <param name="Json">The record as UTF-8 JSON, exactly as served.</param>
internal sealed record FeedEntry(long Sequence, long Index, int Copy, DateTimeOffset EventTime, DateTimeOffset VisibleAt, ViolationKind? Violation, byte[] Json);

/// <summary>
/// Renders generated record <paramref name="index"/>: its JSON, its key, and the violation it really
/// carries — a record may offer nothing to break in the asked way (an optional field it lacks), and
/// the ledger must say what the bytes say.
/// </summary>
internal delegate (byte[] Json, string Key, ViolationKind? Applied) RecordRenderer(long index, DateTimeOffset eventTime, ViolationKind? violation);

/// <summary>
/// A dataset's records over simulated time, as an append-only feed. Record n's event time, lateness,
/// duplication and violation are functions of (seed, dataset, n) and of the profile active when it
/// becomes visible, so the same seed and the same clock moves give the same feed, byte for byte,
/// whatever order requests arrive in.
/// </summary>
internal sealed class DatasetFeed
{
    private static readonly TimeSpan DuplicateDelay = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly string _dataset;
    private readonly SimulationSettings _settings;
    private readonly ulong _seed;
    private readonly ProfileHistory _profiles;
    private readonly GroundTruthLedger _ledger;
    private readonly RecordRenderer _render;
    private readonly IReadOnlyList<ViolationKind> _applicable;
    private readonly TimeSpan _meanGap;
    private readonly PriorityQueue<Pending, (long Ticks, long Index, int Copy)> _pending = new();
    private readonly Dictionary<long, ViolationKind?> _violations = [];
    private readonly List<FeedEntry> _served = [];
    private long _nextIndex;
    private DateTimeOffset _nextEventTime;

    private sealed record Pending(long Index, int Copy, DateTimeOffset EventTime, DateTimeOffset Visible);

    public DatasetFeed(string dataset, SimulationSettings settings, ProfileHistory profiles, GroundTruthLedger ledger,
        RecordRenderer render, IReadOnlyList<ViolationKind> applicable, DateTimeOffset firstEventTime)
    {
        _dataset = dataset;
        _settings = settings;
        _seed = Seeds.Mix((ulong)settings.Seed, Seeds.Of(dataset));
        _profiles = profiles;
        _ledger = ledger;
        _render = render;
        _applicable = applicable;
        _meanGap = settings.Rate.Count == 0 ? TimeSpan.MaxValue : settings.Rate.Per.ToTimeSpan() / settings.Rate.Count;
        _nextEventTime = firstEventTime + Gap(0);
    }

    /// <summary>Records served so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _served.Count;
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> served records from <paramref name="start"/>.</summary>
    public IReadOnlyList<FeedEntry> Slice(int start, int count)
    {
        lock (_lock)
        {
            start = Math.Clamp(start, 0, _served.Count);
            return _served.GetRange(start, Math.Min(count, _served.Count - start));
        }
    }

    /// <summary>Plans every record produced up to <paramref name="now"/> and serves those visible by then.</summary>
    public void CatchUp(DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_nextEventTime <= now && _meanGap != TimeSpan.MaxValue)
            {
                Plan(_nextIndex, _nextEventTime);
                _nextIndex++;
                _nextEventTime += Gap(_nextIndex);
            }

            while (_pending.TryPeek(out var pending, out _) && pending.Visible <= now)
            {
                _pending.Dequeue();
                Release(pending);
            }
        }
    }

    private void Plan(long index, DateTimeOffset eventTime)
    {
        var visible = eventTime;
        if (_settings.Late is { } late && Seeds.Unit(Seeds.Mix(_seed, (ulong)index, 2)) < late.Share.Fraction)
        {
            visible += late.UpTo.ToTimeSpan() * Seeds.Unit(Seeds.Mix(_seed, (ulong)index, 3));
        }

        Enqueue(new Pending(index, 0, eventTime, visible));
        if (Seeds.Unit(Seeds.Mix(_seed, (ulong)index, 4)) < _settings.Duplicates.Fraction)
        {
            Enqueue(new Pending(index, 1, eventTime, visible + (DuplicateDelay * Seeds.Unit(Seeds.Mix(_seed, (ulong)index, 5)))));
        }
    }

    private void Enqueue(Pending pending) => _pending.Enqueue(pending, (pending.Visible.UtcTicks, pending.Index, pending.Copy));

    private void Release(Pending pending)
    {
        // Records produced while the source is down come back when it does (backfill), with their
        // original event times — or never, when the outage does not backfill.
        if (_profiles.OutageAt(pending.Visible) is { } outage)
        {
            if (outage.Step.Backfill)
            {
                Enqueue(pending with { Visible = outage.Ends });
                return;
            }

            var (_, lostKey, _) = _render(pending.Index, pending.EventTime, null);
            _ledger.Add(new LedgerRecord(_dataset, lostKey, pending.EventTime, null, null, null, pending.Copy, RecordFate.Lost));
            return;
        }

        // A duplicate repeats its original, violation and all.
        if (!_violations.TryGetValue(pending.Index, out var violation))
        {
            violation = DecideViolation(pending.Index, pending.Visible);
            _violations[pending.Index] = violation;
        }

        var (json, key, applied) = _render(pending.Index, pending.EventTime, violation);
        _violations[pending.Index] = applied;
        var entry = new FeedEntry(_served.Count, pending.Index, pending.Copy, pending.EventTime, pending.Visible, applied, json);
        _served.Add(entry);
        _ledger.Add(new LedgerRecord(_dataset, key, pending.EventTime, pending.Visible, entry.Sequence, applied, pending.Copy, RecordFate.Served));
    }

    private ViolationKind? DecideViolation(long index, DateTimeOffset visible)
    {
        if (_profiles.At(visible).Profile?.Violations is not { } injection || Seeds.Unit(Seeds.Mix(_seed, (ulong)index, 6)) >= injection.Share.Fraction)
        {
            return null;
        }

        var kinds = injection.Kinds.Where(_applicable.Contains).ToList();
        return kinds.Count == 0 ? null : kinds[(int)(Seeds.Mix(_seed, (ulong)index, 7) % (ulong)kinds.Count)];
    }

    // Exponential gaps: arrivals of a Poisson process at the contract's rate.
    private TimeSpan Gap(long index) =>
        _meanGap == TimeSpan.MaxValue ? TimeSpan.MaxValue : _meanGap * -Math.Log(1 - Seeds.Unit(Seeds.Mix(_seed, (ulong)index, 1)));
}
