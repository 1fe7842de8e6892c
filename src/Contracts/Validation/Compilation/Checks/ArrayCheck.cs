using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary>prefixItems, items, contains (with min/maxContains), minItems, maxItems and uniqueItems: arrays only.</summary>
internal sealed class ArrayCheck(
    CompiledSchema[] prefixItems, CompiledSchema? items, CompiledSchema? contains, int minContains, int? maxContains,
    int? minItems, int? maxItems, bool uniqueItems, string location) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var count = instance.GetArrayLength();
        if (count < minItems)
        {
            valid = Fail("minItems", $"must have at least {minItems} item{(minItems == 1 ? "" : "s")}, not {count}");
        }

        if (count > maxItems)
        {
            valid = Fail("maxItems", $"must have at most {maxItems} item{(maxItems == 1 ? "" : "s")}, not {count}");
        }

        if (!valid && !evaluation.Collecting)
        {
            return false;
        }

        var index = 0;
        var containing = 0;
        foreach (var item in instance.EnumerateArray())
        {
            var schema = index < prefixItems.Length ? prefixItems[index] : items;
            if (schema is not null)
            {
                evaluation.Push(index);
                var itemValid = schema.Evaluate(item, evaluation);
                evaluation.Pop();
                if (!itemValid)
                {
                    valid = false;
                    if (!evaluation.Collecting)
                    {
                        return false;
                    }
                }
            }

            if (contains is not null && evaluation.Quietly(contains, item))
            {
                containing++;
            }

            index++;
        }

        if (contains is not null)
        {
            if (containing < minContains)
            {
                valid = Fail(minContains == 1 ? "contains" : "minContains",
                    containing == 0 ? "no item matches the schema in 'contains'" : $"{containing} items match 'contains'; at least {minContains} must");
            }

            if (containing > maxContains)
            {
                valid = Fail("maxContains", $"{containing} items match 'contains'; at most {maxContains} may");
            }
        }

        if (uniqueItems && FindDuplicate(instance) is { } duplicate)
        {
            valid = Fail("uniqueItems", $"items {duplicate.First} and {duplicate.Second} are equal; items must be unique");
        }

        return valid;

        bool Fail(string keyword, string message)
        {
            evaluation.Report(keyword, location + "/" + keyword, message);
            return false;
        }
    }

    private static (int First, int Second)? FindDuplicate(JsonElement array)
    {
        var items = array.EnumerateArray().ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = i + 1; j < items.Length; j++)
            {
                if (JsonEquality.AreEqual(items[i], items[j]))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }
}
