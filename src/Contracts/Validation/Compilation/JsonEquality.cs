using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>JSON value equality as JSON Schema defines it (enum, const, uniqueItems): 1 equals 1.0, key order does not matter.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        var kindA = a.ValueKind;
        if (kindA != b.ValueKind)
        {
            return false;
        }

        switch (kindA)
        {
            case JsonValueKind.Number:
                return JsonNumber.From(a).CompareTo(JsonNumber.From(b)) == 0;
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                {
                    if (a.GetArrayLength() != b.GetArrayLength())
                    {
                        return false;
                    }

                    using var left = a.EnumerateArray();
                    using var right = b.EnumerateArray();
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!AreEqual(left.Current, right.Current))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JsonValueKind.Object:
                {
                    var count = 0;
                    foreach (var property in a.EnumerateObject())
                    {
                        count++;
                        if (!b.TryGetProperty(property.Name, out var other) || !AreEqual(property.Value, other))
                        {
                            return false;
                        }
                    }

                    foreach (var _ in b.EnumerateObject())
                    {
                        count--;
                    }

                    return count == 0;
                }

            default:
                return true;
        }
    }
}
