using System.Text.Json;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>One contains rule, compiled: the generator of a matching item at each position, and how many to place.</summary>
/// <param name="AtPosition">Item generators for positions 0..n-1 (prefixItems), the last one for every later position.</param>
/// <param name="Min">Fewest matching items to place.</param>
/// <param name="Max">Most matching items to place.</param>
internal sealed record ContainsPlan(Node[] AtPosition, int Min, int Max);

/// <summary>
/// An array of <see cref="MinItems"/> to <see cref="MaxItems"/> items: position i from its own generator
/// (prefixItems), later ones from the last; contains items at random positions; with uniqueItems, an
/// item equal to an earlier one is drawn again (or the array ends there, when it is long enough).
/// </summary>
internal sealed class ArrayNode(Node[] positions, int minItems, int maxItems, ContainsPlan[] contains, bool unique, string location) : Node
{
    private const int UniqueAttempts = 50;

    public int MinItems { get; } = minItems;

    public int MaxItems { get; } = maxItems;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        var length = (int)rng.Between(MinItems, MaxItems);
        Span<int> rule = length <= 128 ? stackalloc int[length] : new int[length];
        rule.Fill(-1);
        PlaceContains(rule, ref rng);

        var seed = rng.NextUInt64();
        writer.WriteStartArray();
        if (!unique)
        {
            for (var i = 0; i < length; i++)
            {
                var itemRng = Prng.Fork(seed, i);
                ItemNode(rule, i).Write(writer, ref itemRng, context);
            }
        }
        else
        {
            WriteUnique(writer, rule, seed, context);
        }

        writer.WriteEndArray();
    }

    private Node ItemNode(Span<int> rule, int i)
    {
        var nodes = rule[i] >= 0 ? contains[rule[i]].AtPosition : positions;
        return nodes[Math.Min(i, nodes.Length - 1)];
    }

    private void PlaceContains(Span<int> rule, ref Prng rng)
    {
        foreach (var (plan, index) in contains.Select((p, i) => (p, i)))
        {
            var free = 0;
            foreach (var r in rule)
            {
                free += r < 0 ? 1 : 0;
            }

            var count = Math.Min(free, (int)rng.Between(plan.Min, plan.Max));
            for (var placed = 0; placed < count; placed++)
            {
                // The k-th free position, k drawn among those left.
                var k = rng.Next(free - placed);
                for (var i = 0; i < rule.Length; i++)
                {
                    if (rule[i] < 0 && k-- == 0)
                    {
                        rule[i] = index;
                        break;
                    }
                }
            }
        }
    }

    private void WriteUnique(Utf8JsonWriter writer, Span<int> rule, ulong seed, WriteContext context)
    {
        var written = new List<JsonDocument>(rule.Length);
        try
        {
            for (var i = 0; i < rule.Length; i++)
            {
                var itemRng = Prng.Fork(seed, i);
                var node = ItemNode(rule, i);
                JsonDocument? item = null;
                for (var attempt = 0; attempt < UniqueAttempts && item is null; attempt++)
                {
                    var scratch = context.Rent();
                    try
                    {
                        node.Write(scratch.Writer, ref itemRng, context);
                        var candidate = JsonDocument.Parse(scratch.Written.ToArray()); // a copy: the scratch buffer is reused
                        if (written.Any(w => JsonElement.DeepEquals(w.RootElement, candidate.RootElement)))
                        {
                            candidate.Dispose();
                        }
                        else
                        {
                            item = candidate;
                        }
                    }
                    finally
                    {
                        context.Return(scratch);
                    }
                }

                if (item is null)
                {
                    // Long enough already, and no contains item still to come: end the array here.
                    if (i >= MinItems && !rule[i..].ToArray().Any(r => r >= 0))
                    {
                        return;
                    }

                    throw new GenerationException(location, $"no item distinct from the {i} before it in {UniqueAttempts} draws (uniqueItems)");
                }

                written.Add(item);
                item.RootElement.WriteTo(writer);
            }
        }
        finally
        {
            foreach (var document in written)
            {
                document.Dispose();
            }
        }
    }
}
