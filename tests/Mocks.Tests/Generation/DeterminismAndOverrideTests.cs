using System.Text.Json.Nodes;
using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Tests.Generation;

/// <summary>A record follows from its seed alone; the caller's key sequence and event time are written as asked.</summary>
public class DeterminismAndOverrideTests
{
    [Test]
    public async Task The_same_seed_gives_the_same_bytes_from_any_generator_of_the_schema()
    {
        var dataset = await GenerationTesting.Example("orders.yaml", "orders");
        var one = RecordGenerator.For(dataset);
        var other = RecordGenerator.For(await GenerationTesting.Example("orders.yaml", "orders"));
        var overrides = new RecordOverrides { KeySequence = 7, EventTime = DateTimeOffset.Parse("2025-02-03T04:05:06.5+02:00", System.Globalization.CultureInfo.InvariantCulture) };

        for (var seed = 0UL; seed < 1000; seed++)
        {
            Assert.That(GenerationTesting.Bytes(other, seed), Is.EqualTo(GenerationTesting.Bytes(one, seed)));
            Assert.That(GenerationTesting.Bytes(other, seed, overrides), Is.EqualTo(GenerationTesting.Bytes(one, seed, overrides)));
        }
    }

    [Test]
    public async Task Different_seeds_give_different_records()
    {
        var generator = RecordGenerator.For(await GenerationTesting.Example("orders.yaml", "orders"));

        var records = Enumerable.Range(0, 10_000).Select(i => Convert.ToBase64String(GenerationTesting.Bytes(generator, (ulong)i))).ToHashSet();

        Assert.That(records, Has.Count.EqualTo(10_000));
    }

    [TestCase("orders.yaml", "orders")]
    [TestCase("payments.yaml", "payments")]
    [TestCase("payments.yaml", "refunds")]
    [TestCase("clickstream.yaml", "clicks")]
    public async Task Keys_from_100000_sequence_numbers_are_unique(string contract, string name)
    {
        var dataset = await GenerationTesting.Example(contract, name);
        var generator = RecordGenerator.For(dataset);
        var key = dataset.Key.Single().Name;

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100_000; i++)
        {
            var record = generator.Generate(42, new RecordOverrides { KeySequence = i });
            keys.Add(record[key]!.ToJsonString());
        }

        Assert.That(keys, Has.Count.EqualTo(100_000));
    }

    [Test]
    public async Task Overrides_set_the_event_time_and_the_keys()
    {
        var dataset = await GenerationTesting.Example("payments.yaml", "payments");
        var generator = RecordGenerator.For(dataset);
        var time = new DateTimeOffset(2025, 7, 1, 12, 30, 15, 250, TimeSpan.FromHours(2));

        var record = generator.Generate(3, new RecordOverrides { KeySequence = 41, EventTime = time });
        var plain = generator.Generate(3);

        Assert.That(record["created_at"]!.GetValue<string>(), Is.EqualTo("2025-07-01T10:30:15.25Z"), "RFC 3339 in UTC");
        Assert.That(record["payment_id"]!.GetValue<decimal>(), Is.EqualTo(42), "sequence 0 is the lowest allowed id (minimum 1)");
        Assert.That(Without(record, "created_at", "payment_id"), Is.EqualTo(Without(plain, "created_at", "payment_id")), "the other fields follow from the seed alone");
        Assert.That(generator.Generate(3, new RecordOverrides { EventTime = time.AddTicks(-time.Ticks % TimeSpan.TicksPerSecond) })["created_at"]!.GetValue<string>(),
            Is.EqualTo("2025-07-01T10:30:15Z"), "no fraction when there is none");
    }

    [Test]
    public async Task Uuid_keys_are_version_4_and_distinct_from_sequence_zero_on()
    {
        var generator = RecordGenerator.For(await GenerationTesting.Example("orders.yaml", "orders"));

        var first = generator.Generate(1, new RecordOverrides { KeySequence = 0 })["order_id"]!.GetValue<string>();
        var second = generator.Generate(1, new RecordOverrides { KeySequence = 1 })["order_id"]!.GetValue<string>();

        Assert.That(first, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(generator.Generate(99, new RecordOverrides { KeySequence = 0 })["order_id"]!.GetValue<string>(), Is.EqualTo(first), "the key depends on the sequence only");
    }

    [Test]
    public async Task String_keys_with_a_pattern_count_through_the_pattern()
    {
        var dataset = await GenerationTesting.WithSchema("""
            { "type": "object", "required": ["id", "code"], "properties": { "id": { "type": "string", "pattern": "^ORD-[0-9]{6}$" }, "code": { "type": "string", "minLength": 5 } } }
            """, key: "id, code");
        var generator = RecordGenerator.For(dataset);

        var records = new[] { 0, 1, 12 }.Select(i => generator.Generate(5, new RecordOverrides { KeySequence = i })).ToList();

        Assert.That(records.Select(r => r["id"]!.GetValue<string>()), Is.EqualTo(new[] { "ORD-000000", "ORD-000001", "ORD-000012" }));
        Assert.That(records.Select(r => r["code"]!.GetValue<string>()), Is.EqualTo(new[] { "00000", "00001", "00012" }));
        Assert.That(() => generator.Generate(1, new RecordOverrides { KeySequence = 1_000_000 }), Throws.TypeOf<ArgumentOutOfRangeException>(), "the pattern has a million strings");
        Assert.That(() => generator.Generate(1, new RecordOverrides { KeySequence = -1 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static string Without(JsonObject record, params string[] names)
    {
        var copy = (JsonObject)record.DeepClone();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy.ToJsonString();
    }
}
