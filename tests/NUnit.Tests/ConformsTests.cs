using System.Text.Json;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.NUnit.Tests;

public class ConformsTests
{
    private const string ValidOrder = """
        {"order_id":"0b8f6a3e-5f3c-4c0e-9d7e-2a1b3c4d5e6f","created_at":"2026-11-27T10:00:00Z","amount":12.5,"currency":"EUR","status":"paid"}
        """;

    private Contract _orders = null!;

    [OneTimeSetUp]
    public async Task Load() => _orders = (await ContractLoader.LoadFileAsync(TestRepository.Example("orders.yaml"))).Contract!;

    [Test]
    public void A_valid_record_conforms()
    {
        Assert.That(ValidOrder, Conforms.To(_orders, "orders"));
        Assert.That(JsonDocument.Parse(ValidOrder).RootElement, Conforms.To(TestRepository.Example("orders.yaml"), "orders"));
    }

    [Test]
    public void A_failure_lists_every_violation_with_its_pointer()
    {
        var broken = ValidOrder.Replace("\"amount\":12.5", "\"amount\":-3", StringComparison.Ordinal)
                               .Replace("\"status\":\"paid\"", "\"status\":\"lost\",\"coupon\":\"X\"", StringComparison.Ordinal);

        var failure = Assert.Throws<AssertionException>(() => Assert.That(broken, Conforms.To(_orders, "orders")))!;

        Assert.That(failure.Message, Does.Contain("a record of orders-service 2.1.0 dataset 'orders'"));
        Assert.That(failure.Message, Does.Contain("3 violations"));
        Assert.That(failure.Message, Does.Contain("/amount: must be at least 0, not -3 (minimum)"));
        Assert.That(failure.Message, Does.Contain("/status: 'lost' is not one of: placed, paid, shipped, cancelled (enum)"));
        Assert.That(failure.Message, Does.Contain("/coupon: the property 'coupon' is not allowed (additionalProperties)"));
    }

    private sealed record Order(Guid OrderId, DateTimeOffset CreatedAt, decimal Amount, string Currency, string Status);

    [Test]
    public void Objects_are_serialized_with_the_given_options()
    {
        var order = new Order(Guid.NewGuid(), DateTimeOffset.UtcNow, 10m, "EUR", "placed");
        Assert.That(order, Conforms.To(_orders, "orders").Using(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));

        // With the default camelCase names the record has none of the required snake_case fields.
        Assert.That(order, Is.Not.Matches(Conforms.To(_orders, "orders")));
    }

    [Test]
    public void Each_record_of_a_collection_is_checked_and_named_by_index()
    {
        var records = $"[{ValidOrder},{ValidOrder.Replace("EUR", "euro", StringComparison.Ordinal)}]";
        var failure = Assert.Throws<AssertionException>(() => Assert.That(records, Conforms.EachTo(_orders, "orders")))!;
        Assert.That(failure.Message, Does.Contain("record 1: /currency: 'euro' does not match ^[A-Z]{3}$ (pattern)"));
        Assert.That(failure.Message, Does.Not.Contain("record 0"));
    }

    [Test]
    public void Personal_data_is_not_quoted_in_failures()
    {
        var broken = ValidOrder.Replace("\"status\":\"paid\"", "\"status\":\"paid\",\"customer_email\":\"jane.doe@\"", StringComparison.Ordinal);
        var failure = Assert.Throws<AssertionException>(() => Assert.That(broken, Conforms.To(_orders, "orders")))!;
        Assert.That(failure.Message, Does.Contain("/customer_email: the value (not shown: x-pii) is not a valid email"));
        Assert.That(failure.Message, Does.Not.Contain("jane.doe"));
    }

    [Test]
    public void Text_that_is_not_json_fails_with_the_reason()
    {
        var notJson = "{not json";
        Assert.That(() => Assert.That(notJson, Conforms.To(_orders, "orders")),
            Throws.TypeOf<AssertionException>().With.Message.Contains("the value is not JSON"));
    }

    [Test]
    public void An_unknown_dataset_names_the_ones_that_exist() =>
        Assert.That(() => Conforms.To(_orders, "refunds"),
            Throws.ArgumentException.With.Message.Contains("has no dataset 'refunds'; it has: orders"));
}
