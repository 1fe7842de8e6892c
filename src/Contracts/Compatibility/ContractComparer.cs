using System.Collections.Immutable;
using System.Globalization;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Model.ServiceLevels;

namespace ContractKit.Contracts.Compatibility;

/// <summary>
/// Compares two versions of a contract: datasets and their schemas (through
/// <see cref="SchemaComparer"/>), keys, event time, freshness, volume, quality checks, SLA, and
/// the informational parts (owner, consumers, status). Each difference is named by a
/// <see cref="ChangeRules"/> rule.
/// </summary>
internal sealed class ContractComparer
{
    private readonly Contract _old;
    private readonly Contract _new;
    private readonly List<Change> _changes = [];

    private ContractComparer(Contract old, Contract @new)
    {
        _old = old;
        _new = @new;
    }

    public static ImmutableArray<Change> Compare(Contract old, Contract @new)
    {
        var comparer = new ContractComparer(old, @new);
        comparer.CompareDatasets();
        comparer.CompareServiceLevels();
        comparer.CompareInformational();
        return [.. comparer._changes];
    }

    /// <summary>Records one change; <paramref name="oldPointer"/> and <paramref name="newPointer"/> place it in each file.</summary>
    private void Add(ChangeRule rule, string? dataset, string? oldPointer, string? newPointer, string? oldText, string? newText, string message) =>
        _changes.Add(new Change(rule, rule.Kind, dataset, null, newPointer ?? oldPointer ?? "", oldText, newText,
            oldPointer is null ? null : _old.Document.SpanOf(oldPointer),
            newPointer is null ? null : _new.Document.SpanOf(newPointer), message));

    // ---- Datasets ----------------------------------------------------------------------------

    private void CompareDatasets()
    {
        if (_old.Source.Kind != _new.Source.Kind)
        {
            Add(ChangeRules.SourceKindChanged, null, "/source/kind", "/source/kind", Kind(_old.Source.Kind), Kind(_new.Source.Kind),
                $"the source kind changed from {Kind(_old.Source.Kind)} to {Kind(_new.Source.Kind)}");
        }

        foreach (var o in _old.Datasets)
        {
            if (_new.FindDataset(o.Name) is { } n)
            {
                CompareDataset(o, n);
            }
            else
            {
                Add(ChangeRules.DatasetRemoved, o.Name, o.Pointer, null, o.Name, null, $"dataset {o.Name} removed");
            }
        }

        foreach (var n in _new.Datasets.Where(n => _old.FindDataset(n.Name) is null))
        {
            Add(ChangeRules.DatasetAdded, n.Name, null, n.Pointer, null, n.Name, $"dataset {n.Name} added");
        }
    }

    private void CompareDataset(Dataset o, Dataset n)
    {
        var name = n.Name;
        var (oLocation, nLocation) = (o.Pointer + "/" + Kind(o.Location.Kind), n.Pointer + "/" + Kind(n.Location.Kind));
        var (oLocationText, nLocationText) = (JsonAt(_old, oLocation), JsonAt(_new, nLocation));
        if (o.Location.Kind != n.Location.Kind || oLocationText != nLocationText)
        {
            Add(ChangeRules.DatasetLocationChanged, name, oLocation, nLocation, oLocationText, nLocationText, $"{name} moved");
        }

        _changes.AddRange(SchemaComparer.Compare(name, o.Schema, n.Schema));

        var (oKey, nKey) = (string.Join(", ", o.Key), string.Join(", ", n.Key));
        if (oKey != nKey)
        {
            var rule = o.Key.IsEmpty ? ChangeRules.KeyAdded : n.Key.IsEmpty ? ChangeRules.KeyRemoved : ChangeRules.KeyChanged;
            Add(rule, name, o.Pointer + "/key", n.Pointer + "/key", Nullable(oKey), Nullable(nKey), $"{name} key changed from [{oKey}] to [{nKey}]");
        }

        var (oTime, nTime) = (o.EventTime?.ToString(), n.EventTime?.ToString());
        if (oTime != nTime)
        {
            var rule = oTime is null ? ChangeRules.EventTimeAdded : nTime is null ? ChangeRules.EventTimeRemoved : ChangeRules.EventTimeChanged;
            Add(rule, name, o.Pointer + "/eventTime", n.Pointer + "/eventTime", oTime, nTime, $"{name} eventTime changed from {oTime ?? "none"} to {nTime ?? "none"}");
        }

        Threshold(o.Freshness?.Warn, n.Freshness?.Warn, higherIsLooser: true, ChangeRules.FreshnessLoosened, ChangeRules.FreshnessTightened, name, o.Pointer, n.Pointer, "/freshness/warn", "freshness warn");
        Threshold(o.Freshness?.Fail, n.Freshness?.Fail, higherIsLooser: true, ChangeRules.FreshnessLoosened, ChangeRules.FreshnessTightened, name, o.Pointer, n.Pointer, "/freshness/fail", "freshness fail");
        CompareVolume(o, n);
        CompareQuality(o, n);
        Threshold(o.Cdc?.MaxLag, n.Cdc?.MaxLag, higherIsLooser: true, ChangeRules.CdcLagLoosened, ChangeRules.CdcLagTightened, name, o.Pointer, n.Pointer, "/cdc/maxLag", "cdc maxLag");
        if (o.Description != n.Description)
        {
            Add(ChangeRules.DescriptionChanged, name, o.Pointer + "/description", n.Pointer + "/description", o.Description, n.Description, $"{name} description changed");
        }
    }

    private void CompareVolume(Dataset o, Dataset n)
    {
        var (ov, nv) = (o.Volume, n.Volume);
        if (ov is not null && nv is not null && ov.Per != nv.Per)
        {
            Add(ChangeRules.VolumeWindowChanged, n.Name, o.Pointer + "/volume/per", n.Pointer + "/volume/per", ov.Per.ToString(), nv.Per.ToString(),
                $"{n.Name} volume window changed from {ov.Per} to {nv.Per}");
            return;
        }

        Threshold(ov?.Min, nv?.Min, higherIsLooser: false, ChangeRules.VolumeRangeWidened, ChangeRules.VolumeRangeNarrowed, n.Name, o.Pointer, n.Pointer, "/volume/min", "volume min");
        Threshold(ov?.Max, nv?.Max, higherIsLooser: true, ChangeRules.VolumeRangeWidened, ChangeRules.VolumeRangeNarrowed, n.Name, o.Pointer, n.Pointer, "/volume/max", "volume max");
    }

    private void CompareQuality(Dataset o, Dataset n)
    {
        foreach (var oc in o.Quality)
        {
            var nc = n.Quality.FirstOrDefault(c => c.Id == oc.Id);
            if (nc is null)
            {
                Add(ChangeRules.QualityCheckRemoved, n.Name, oc.Pointer, null, oc.Id, null, $"{n.Name} quality check {oc.Id} removed");
                continue;
            }

            switch ((oc, nc))
            {
                case (NullRateCheck a, NullRateCheck b):
                    Threshold<Values.Percentage>(a.Max, b.Max, higherIsLooser: true, ChangeRules.QualityCheckLoosened, ChangeRules.QualityCheckTightened, n.Name, a.Pointer, b.Pointer, "/max", $"{oc.Id} max");
                    break;
                case (DuplicatesCheck a, DuplicatesCheck b):
                    Threshold<long>(a.Max, b.Max, higherIsLooser: true, ChangeRules.QualityCheckLoosened, ChangeRules.QualityCheckTightened, n.Name, a.Pointer, b.Pointer, "/max", $"{oc.Id} max");
                    break;
                case (SqlCheck a, SqlCheck b):
                    if (a.Query != b.Query)
                    {
                        // A different query is a different check: the old promise is gone, a new one stands.
                        Add(ChangeRules.QualityCheckRemoved, n.Name, a.Pointer + "/query", null, a.Query, null, $"{n.Name} quality check {oc.Id} no longer runs its old query");
                        Add(ChangeRules.QualityCheckAdded, n.Name, null, b.Pointer + "/query", null, b.Query, $"{n.Name} quality check {oc.Id} runs a new query");
                    }

                    Threshold(a.Min, b.Min, higherIsLooser: false, ChangeRules.QualityCheckLoosened, ChangeRules.QualityCheckTightened, n.Name, a.Pointer, b.Pointer, "/min", $"{oc.Id} min");
                    Threshold(a.Max, b.Max, higherIsLooser: true, ChangeRules.QualityCheckLoosened, ChangeRules.QualityCheckTightened, n.Name, a.Pointer, b.Pointer, "/max", $"{oc.Id} max");
                    break;
            }
        }

        foreach (var nc in n.Quality.Where(nc => o.Quality.All(oc => oc.Id != nc.Id)))
        {
            Add(ChangeRules.QualityCheckAdded, n.Name, null, nc.Pointer, null, nc.Id, $"{n.Name} quality check {nc.Id} added");
        }
    }

    // ---- Service levels ----------------------------------------------------------------------

    private void CompareServiceLevels()
    {
        var (o, n) = (_old.Sla, _new.Sla);
        Threshold(o?.Availability, n?.Availability, higherIsLooser: false, ChangeRules.AvailabilityLowered, ChangeRules.AvailabilityRaised, null, "", "", "/sla/availability", "availability");
        foreach (var (name, select) in new (string, Func<LatencyTargets?, Values.Duration?>)[] { ("p50", l => l?.P50), ("p90", l => l?.P90), ("p95", l => l?.P95), ("p99", l => l?.P99) })
        {
            Threshold(select(o?.Latency), select(n?.Latency), higherIsLooser: true, ChangeRules.LatencyLoosened, ChangeRules.LatencyTightened, null, "", "", "/sla/latency/" + name, "latency " + name);
        }

        Threshold(o?.ErrorRate, n?.ErrorRate, higherIsLooser: true, ChangeRules.ErrorRateLoosened, ChangeRules.ErrorRateTightened, null, "", "", "/sla/errorRate", "errorRate");
        Threshold(o?.Support?.Response, n?.Support?.Response, higherIsLooser: true, ChangeRules.SupportLoosened, ChangeRules.SupportTightened, null, "", "", "/sla/support/response", "support response");
    }

    /// <summary>
    /// One threshold: absent → present tightens, present → absent loosens, otherwise the direction
    /// of the move decides (for an upper bound a higher value loosens, for a lower bound it tightens).
    /// </summary>
    private void Threshold<T>(T? o, T? n, bool higherIsLooser, ChangeRule loosened, ChangeRule tightened, string? dataset, string oldBase, string newBase, string suffix, string what)
        where T : struct, IComparable<T>
    {
        if (o is null && n is null || o is not null && n is not null && o.Value.CompareTo(n.Value) == 0)
        {
            return;
        }

        var looser = n is null || (o is not null && n.Value.CompareTo(o.Value) > 0 == higherIsLooser);
        var (oText, nText) = (Format(o), Format(n));
        var subject = dataset is null ? what : $"{dataset} {what}";
        var message = o is null ? $"{subject} {nText} added" : n is null ? $"{subject} {oText} removed" : $"{subject} {(n.Value.CompareTo(o.Value) > 0 ? "raised" : "lowered")} from {oText} to {nText}";
        Add(looser ? loosened : tightened, dataset, o is null ? null : oldBase + suffix, n is null ? null : newBase + suffix, oText, nText, message);
    }

    private static string? Format<T>(T? value)
        where T : struct => value switch
    {
        null => null,
        IFormattable formattable when value is not Values.Duration and not Values.Percentage => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // ---- Informational -----------------------------------------------------------------------

    private void CompareInformational()
    {
        if (_old.Owner != _new.Owner)
        {
            Add(ChangeRules.OwnerChanged, null, "/owner", "/owner", Describe(_old.Owner), Describe(_new.Owner), $"owner changed from {Describe(_old.Owner)} to {Describe(_new.Owner)}");
        }

        var (oConsumers, nConsumers) = (_old.Consumers.Select(c => c.Team).ToList(), _new.Consumers.Select(c => c.Team).ToList());
        if (!_old.Consumers.SequenceEqual(_new.Consumers))
        {
            Add(ChangeRules.ConsumersChanged, null, "/consumers", "/consumers", string.Join(", ", oConsumers), string.Join(", ", nConsumers), "consumers changed");
        }

        if (_old.Status != _new.Status)
        {
            var (o, n) = (_old.Status.ToString().ToLowerInvariant(), _new.Status.ToString().ToLowerInvariant());
            Add(_new.Status == ContractStatus.Retired ? ChangeRules.ContractRetired : ChangeRules.StatusChanged, null, "/status", "/status", o, n, $"status moved from {o} to {n}");
        }

        if (_old.Compatibility != _new.Compatibility)
        {
            Add(ChangeRules.CompatibilityChanged, null, "/compatibility", "/compatibility", _old.Compatibility.ToString(), _new.Compatibility.ToString(),
                $"declared compatibility changed from {_old.Compatibility} to {_new.Compatibility}");
        }

        if (_old.Title != _new.Title)
        {
            Add(ChangeRules.DescriptionChanged, null, "/title", "/title", _old.Title, _new.Title, "title changed");
        }

        if (_old.Description != _new.Description)
        {
            Add(ChangeRules.DescriptionChanged, null, "/description", "/description", _old.Description, _new.Description, "description changed");
        }
    }

    private static string Describe(Owner owner) => string.Join(" ", new[] { owner.Team, owner.Contact, owner.Email }.Where(s => s is not null));

    private static string Kind(Model.Sources.SourceKind kind) => kind.ToString().ToLowerInvariant();

    private static string? Nullable(string text) => text.Length == 0 ? null : text;

    private static string? JsonAt(Contract contract, string pointer) =>
        contract.Document.Find(pointer) is { } node ? SchemaComparer.JsonText(node) : null;
}

/// <summary>Whether two versions differ at all, including parts no rule looks at.</summary>
internal static class ContentComparer
{
    public static bool Differs(Contract old, Contract @new) => Canonical(old) != Canonical(@new);

    /// <summary>The contract's JSON plus every schema file it reaches, by path relative to the contract.</summary>
    private static string Canonical(Contract contract)
    {
        var parts = new List<string> { contract.Document.Root.ToJsonElement().GetRawText() };
        var folder = contract.BaseDirectory;
        parts.AddRange(contract.Datasets
            .SelectMany(d => d.Schema.Documents.Values)
            .Where(d => d.Source.FullPath != contract.Document.FullPath)
            .DistinctBy(d => d.Uri)
            .Select(d => (Path: Path.GetRelativePath(folder, d.Source.FullPath), Json: d.Source.Root.ToJsonElement().GetRawText()))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .Select(d => d.Path + "\n" + d.Json));
        return string.Join("\n", parts);
    }
}
