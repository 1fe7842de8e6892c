using System.Text.Json;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>
/// A multiple of <see cref="Step"/> between two bounds: <c>k × step</c> for a whole <c>k</c> in
/// [<see cref="First"/>, <see cref="Last"/>], computed in decimal so multipleOf 0.01 is exact.
/// <see cref="Limit"/> is the largest k the schema allows, beyond the realistic range drawn from.
/// </summary>
internal sealed class NumberNode(decimal step, decimal first, decimal last, decimal limit) : Node
{
    public decimal Limit { get; } = limit;

    public decimal Step { get; } = step;

    public decimal First { get; } = first;

    public decimal Last { get; } = last;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context) => writer.WriteNumberValue(Draw(ref rng));

    public decimal Draw(ref Prng rng)
    {
        var span = Last - First;
        var k = span <= long.MaxValue
            ? First + rng.Between(0, (long)span)
            : Math.Min(Last, First + decimal.Floor((decimal)rng.NextDouble() * span));
        return k * Step;
    }
}
