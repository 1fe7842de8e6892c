using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Validation;
using ContractKit.Contracts.Values;
using ContractKit.Probes.Observations;

namespace ContractKit.Probes.Records;

/// <summary>
/// Measures a dataset from its records, one at a time, for sources that hand over records (HTTP
/// pages, file drops): schema violations with masked evidence, the newest event time, records in
/// the volume window, null counts and duplicate keys. Memory grows only with the keys of duplicate
/// checks and the evidence kept.
/// </summary>
public sealed class RecordObserver
{
    private readonly Dataset _dataset;
    private readonly RecordValidator _validator;
    private readonly DateTimeOffset _now;
    private readonly int _evidenceLimit;
    private readonly ImmutableArray<FieldPath> _piiFields;
    private readonly List<SchemaFinding> _findings = [];
    private readonly Dictionary<string, long> _nulls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HashSet<string> Seen, long Duplicates)> _keys = new(StringComparer.Ordinal);
    private long _records;
    private long _problems;
    private long _invalid;
    private long _inWindow;
    private long _timed;
    private long _future;
    private long _ancient;
    private readonly List<SchemaFinding> _timeFindings = [];
    private DateTimeOffset? _newest;

    /// <summary>Starts measuring.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="now">The clock's now, for the volume window.</param>
    /// <param name="evidenceLimit">Most offending records kept.</param>
    public RecordObserver(Dataset dataset, DateTimeOffset now, int evidenceLimit)
    {
        _dataset = dataset;
        _validator = RecordValidator.For(dataset.Schema, new ValidationOptions { MaxErrorsPerRecord = 10 });
        _now = now;
        _evidenceLimit = evidenceLimit;
        _piiFields = [.. dataset.Schema.Fields.Where(f => f.Pii).Select(f => f.Path)];
        foreach (var check in dataset.Quality)
        {
            if (check is NullRateCheck)
            {
                _nulls[check.Id] = 0;
            }
            else if (check is DuplicatesCheck)
            {
                _keys[check.Id] = (new HashSet<string>(StringComparer.Ordinal), 0);
            }
        }
    }

    // Clocks disagree by seconds, not hours; a year is older than any live feed's backlog.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AncientAge = TimeSpan.FromDays(365);

    /// <summary>Records seen so far.</summary>
    public long Records => _records;

    /// <summary>Measures one record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="location">Where it came from, for evidence (<c>clicks-01.jsonl:12</c>, <c>page 2, item 7</c>).</param>
    public void Observe(JsonElement record, string location)
    {
        _records++;
        if (!_validator.IsValid(record))
        {
            _invalid++;
            if (_findings.Count < _evidenceLimit)
            {
                var errors = _validator.Validate(record).Errors;
                _findings.Add(new SchemaFinding(string.Join("; ", errors.Select(e => e.ToString())), true, location, Mask(record)));
            }
        }

        if (_dataset.EventTime is { } eventTime && EventTime(record, eventTime) is { } time)
        {
            _timed++;
            var future = time > _now + FutureTolerance;
            var ancient = time < _now - AncientAge;
            if (future || ancient)
            {
                _future += future ? 1 : 0;
                _ancient += ancient ? 1 : 0;
                if (_timeFindings.Count < _evidenceLimit)
                {
                    _timeFindings.Add(new SchemaFinding($"{eventTime} is {time:O}, {(future ? "in the future" : "more than a year ago")}", future, location, Mask(record)));
                }
            }

            if (_newest is null || time > _newest)
            {
                _newest = time;
            }

            if (_dataset.Volume is { } volume && time <= _now && time > _now - volume.Per.ToTimeSpan())
            {
                _inWindow++;
            }
        }

        foreach (var check in _dataset.Quality)
        {
            switch (check)
            {
                case NullRateCheck nullRate when IsNull(record, nullRate.Field):
                    _nulls[check.Id]++;
                    break;
                case DuplicatesCheck duplicates:
                    {
                        var key = string.Join('\u001f', duplicates.Fields.Select(f => Find(record, f)?.GetRawText() ?? "\u0000"));
                        var (seen, count) = _keys[check.Id];
                        _keys[check.Id] = (seen, seen.Add(key) ? count : count + 1);
                        break;
                    }
            }
        }
    }

    /// <summary>Adds a problem that is not a record (a page that is not JSON, a malformed line) as a schema finding.</summary>
    public void ObserveProblem(string description, string location, string? excerpt)
    {
        _records++;
        _problems++;
        _invalid++;
        if (_findings.Count < _evidenceLimit)
        {
            _findings.Add(new SchemaFinding(description, true, location, excerpt));
        }
    }

    /// <summary>The measurements, as the dataset's checks need them.</summary>
    /// <param name="clock">The clock the measurements used.</param>
    /// <param name="duration">How long reading the records took.</param>
    public DatasetObservation Complete(Results.ProbeClock clock, TimeSpan duration)
    {
        // Problems (unreadable lines, non-JSON pages) count for the schema check, not as records with fields.
        var quality = ImmutableDictionary.CreateBuilder<string, Observed<QualityMeasurement>>(StringComparer.Ordinal);
        foreach (var (id, nulls) in _nulls)
        {
            quality[id] = Observed<QualityMeasurement>.Of(new QualityMeasurement(nulls, _records - _problems), duration);
        }

        foreach (var (id, (_, duplicates)) in _keys)
        {
            quality[id] = Observed<QualityMeasurement>.Of(new QualityMeasurement(duplicates, _records - _problems), duration);
        }

        foreach (var sql in _dataset.Quality.OfType<SqlCheck>())
        {
            quality[sql.Id] = Observed<QualityMeasurement>.Failed("custom SQL checks run on postgres sources only", TimeSpan.Zero);
        }

        return new DatasetObservation
        {
            Clock = clock,
            Schema = Observed<SchemaObservation>.Of(new SchemaObservation(_records, "records", _invalid, [.. _findings]), duration),
            NewestEventTime = _dataset.EventTime is null ? null : Observed<DateTimeOffset?>.Of(_newest, duration),
            RecordsInWindow = _dataset.Volume is null || _dataset.EventTime is null ? null : Observed<long>.Of(_inWindow, duration),
            EventTimeAnomalies = _dataset.EventTime is null ? null : Observed<EventTimeAnomalies>.Of(new EventTimeAnomalies(_timed, _future, _ancient, [.. _timeFindings]), duration),
            Quality = quality.ToImmutable(),
        };
    }

    private static DateTimeOffset? EventTime(JsonElement record, FieldPath field) =>
        Find(record, field) is { ValueKind: JsonValueKind.String } value &&
        DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static bool IsNull(JsonElement record, FieldPath field) =>
        Find(record, field) is not { ValueKind: not JsonValueKind.Null };

    private static JsonElement? Find(JsonElement record, FieldPath field) =>
        field.TryFind(record, out var value) ? value : null;

    /// <summary>The record as JSON with every x-pii field replaced by "***".</summary>
    private string Mask(JsonElement record)
    {
        if (_piiFields.IsEmpty)
        {
            return Shorten(record.GetRawText());
        }

        var node = JsonNode.Parse(record.GetRawText())!;
        foreach (var field in _piiFields)
        {
            // The path's own names, as FieldPath.TryFind walks them: a JSON Pointer split at '/' would cut names that hold one.
            var segments = field.Segments;
            var parent = node;
            for (var i = 0; i < segments.Length - 1 && parent is JsonObject; i++)
            {
                parent = parent[segments[i]];
            }

            if (parent is JsonObject obj && obj.ContainsKey(segments[^1]) && obj[segments[^1]] is not null)
            {
                obj[segments[^1]] = "***";
            }
        }

        return Shorten(node.ToJsonString());
    }

    private static string Shorten(string json) => json.Length <= 2000 ? json : json[..1997] + "…";
}
