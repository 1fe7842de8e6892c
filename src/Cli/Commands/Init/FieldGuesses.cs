using System.Text.Json;

namespace ContractKit.Cli.Commands.Init;

/// <summary>The key and event time of a drafted dataset, when the sample makes them obvious.</summary>
internal static class FieldGuesses
{
    private static readonly string[] EventTimeNames = ["event_time", "occurred_at", "event_at", "timestamp", "created_at", "time", "ts"];

    /// <summary>
    /// A required, top-level string or integer field named <c>id</c> or <c>*_id</c>/<c>*Id</c> whose
    /// values are unique in the sample: <c>id</c> first, then the one named after the dataset
    /// (<c>order_id</c> for <c>orders</c>), then the only one. Null when none is obvious.
    /// </summary>
    public static string? Key(string dataset, InferredSchema schema, IReadOnlyList<JsonElement> records)
    {
        var candidates = schema.Properties
            .Where(p => schema.Required.Contains(p.Name) && p.Schema.Types is ["string"] or ["integer"])
            .Select(p => p.Name)
            .Where(name => Stem(name) is not null && IsUnique(records, name))
            .ToList();
        var own = dataset.Replace('-', '_');
        return candidates.FirstOrDefault(name => Stem(name)!.Length == 0)
            ?? candidates.FirstOrDefault(name => own.StartsWith(Stem(name)!, StringComparison.OrdinalIgnoreCase))
            ?? (candidates.Count == 1 ? candidates[0] : null);
    }

    /// <summary>The only required top-level date-time field, or the one with a usual event-time name.</summary>
    public static string? EventTime(InferredSchema schema)
    {
        var candidates = schema.Properties
            .Where(p => schema.Required.Contains(p.Name) && p.Schema.IsExactly("string", "date-time"))
            .Select(p => p.Name)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : EventTimeNames.FirstOrDefault(candidates.Contains);
    }

    // id → "", order_id → "order", orderId → "order"; null for a name that is not an id.
    private static string? Stem(string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase) ? ""
        : name.Length > 3 && (name.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("-id", StringComparison.OrdinalIgnoreCase)) ? name[..^3]
        : name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(name[^3]) ? name[..^2]
        : null;

    private static bool IsUnique(IReadOnlyList<JsonElement> records, string name) =>
        records.Select(r => r.GetProperty(name).GetRawText()).Distinct(StringComparer.Ordinal).Count() == records.Count;
}
