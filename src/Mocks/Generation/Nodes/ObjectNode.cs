using System.Text.Json;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>One property an object may have.</summary>
/// <param name="Name">Its name, encoded once.</param>
/// <param name="Node">Its value's generator.</param>
/// <param name="Required">True when every object has it (required, a key, or needed by a required one).</param>
/// <param name="Presence">How often an optional one is present.</param>
/// <param name="Requires">Indexes of the properties that must be present with it (dependentRequired, transitively).</param>
internal sealed record PropertyPlan(JsonEncodedText Name, Node Node, bool Required, double Presence, int[] Requires);

/// <summary>
/// An object: required properties always, optional ones each with its presence share, with what
/// dependentRequired pulls in, within minProperties/maxProperties. Each property draws from a stream
/// of its own, so a property's value does not change when another one is left out or overridden.
/// </summary>
internal sealed class ObjectNode(PropertyPlan[] properties, int minProperties, int maxProperties) : Node
{
    public IReadOnlyList<PropertyPlan> Properties { get; } = properties;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        var count = properties.Length;
        Span<bool> present = count <= 256 ? stackalloc bool[count] : new bool[count];
        var included = 0;
        for (var i = 0; i < count; i++)
        {
            if (properties[i].Required)
            {
                present[i] = true;
                included++;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var draw = rng.Chance(properties[i].Presence);
            if (!present[i] && draw)
            {
                included += Include(i, present, maxProperties - included);
            }
        }

        for (var i = 0; i < count && included < minProperties; i++)
        {
            if (!present[i])
            {
                included += Include(i, present, maxProperties - included);
            }
        }

        var seed = rng.NextUInt64();
        writer.WriteStartObject();
        for (var i = 0; i < count; i++)
        {
            if (present[i])
            {
                writer.WritePropertyName(properties[i].Name);
                var propertyRng = Prng.Fork(seed, i);
                properties[i].Node.Write(writer, ref propertyRng, context);
            }
        }

        writer.WriteEndObject();
    }

    // Includes property i and what it requires, when they fit in the room left; returns how many were added.
    private int Include(int i, Span<bool> present, int room)
    {
        var added = 1;
        foreach (var r in properties[i].Requires)
        {
            added += present[r] ? 0 : 1;
        }

        if (added > room)
        {
            return 0;
        }

        present[i] = true;
        foreach (var r in properties[i].Requires)
        {
            present[r] = true;
        }

        return added;
    }
}
