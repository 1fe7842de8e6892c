// The peer: Bogus, the usual way .NET tests make fake records, with a Faker written by hand for the
// shape of contracts/orders.yaml (ours reads the shape from the schema). Records are serialized
// with a source-generated System.Text.Json context into the same kind of writer, so both sides pay
// for the same JSON output.
using System.Text.Json;
using System.Text.Json.Serialization;
using Bogus;

namespace ContractKit.Bench.Generate;

internal sealed record BogusItem(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity);

internal sealed record BogusOrder(
    [property: JsonPropertyName("order_id")] Guid OrderId,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail,
    [property: JsonPropertyName("items")] IReadOnlyList<BogusItem> Items);

[JsonSerializable(typeof(BogusOrder))]
internal sealed partial class BogusJson : JsonSerializerContext;

internal sealed class BogusOrders
{
    private static readonly string[] Statuses = ["placed", "paid", "shipped", "cancelled"];
    private readonly Faker _faker = new() { Random = new Randomizer(42) };
    private readonly DateTimeOffset _start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public void Write(Utf8JsonWriter writer)
    {
        var f = _faker;
        var items = new BogusItem[f.Random.Int(1, 4)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new BogusItem(f.Commerce.Ean8(), f.Random.Int(1, 100));
        }

        var order = new BogusOrder(
            f.Random.Guid(),
            _start.AddSeconds(f.Random.Int(0, 30_000_000)),
            f.Finance.Amount(0, 1000),
            f.Finance.Currency().Code,
            f.PickRandom(Statuses),
            f.Random.Bool(0.95f) ? f.Internet.Email() : null,
            items);
        JsonSerializer.Serialize(writer, order, BogusJson.Default.BogusOrder);
    }
}
