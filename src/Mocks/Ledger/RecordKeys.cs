using System.Collections.Immutable;
using System.Text.Json;
using ContractKit.Contracts.Values;

namespace ContractKit.Mocks.Ledger;

/// <summary>A record's identity as the ledger writes it: the key fields' JSON values joined by <c>|</c>.</summary>
public static class RecordKeys
{
    /// <summary>The key of <paramref name="record"/> under the dataset's <paramref name="key"/> fields.</summary>
    public static string Of(JsonElement record, ImmutableArray<FieldPath> key)
    {
        if (key.IsEmpty)
        {
            return record.GetRawText();
        }

        return string.Join('|', key.Select(field =>
            !field.TryFind(record, out var value) ? "∅"
            : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()));
    }
}
