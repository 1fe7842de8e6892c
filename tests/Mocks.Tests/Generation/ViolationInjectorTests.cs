using System.Globalization;
using System.Text.Json;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Validation;
using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Tests.Generation;

/// <summary>Each violation kind breaks exactly the rule it names, where it says; event-time skew stays schema-valid.</summary>
public class ViolationInjectorTests
{
    private const int Records = 200;

    private static IEnumerable<TestCaseData> Cases() =>
        from example in new[] { ("orders.yaml", "orders"), ("payments.yaml", "payments"), ("payments.yaml", "refunds"), ("clickstream.yaml", "clicks") }
        from kind in Enum.GetValues<ViolationKind>()
        select new TestCaseData(example.Item1, example.Item2, kind).SetName($"{example.Item2}: {kind}");

    [TestCaseSource(nameof(Cases))]
    public async Task The_validator_reports_the_injected_violation_where_it_was_put(string contract, string name, ViolationKind kind)
    {
        var dataset = await GenerationTesting.Example(contract, name);
        var generator = RecordGenerator.For(dataset);
        var injector = ViolationInjector.For(dataset);
        var validator = RecordValidator.For(dataset.Schema);
        Assert.That(injector.IsApplicable(kind), Is.True, "every example dataset offers every kind");

        var injected = 0;
        var pointers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Records; i++)
        {
            var record = generator.Generate((ulong)i);
            var original = record.ToJsonString();
            var violation = injector.Inject(record, kind, (ulong)i * 31 + 7);
            Assert.That(record.ToJsonString(), Is.EqualTo(original), "the record given is left as it was");
            if (violation is null)
            {
                continue;
            }

            injected++;
            pointers.Add(violation.Pointer);
            var result = validator.Validate(JsonSerializer.SerializeToElement(violation.Record));
            if (kind == ViolationKind.EventTimeSkew)
            {
                Assert.That(result.IsValid, Is.True, "a skewed event time is still a valid date-time: " + violation.Description);
                var before = DateTimeOffset.Parse(record[dataset.EventTime!.Name]!.GetValue<string>(), CultureInfo.InvariantCulture);
                var after = DateTimeOffset.Parse(violation.Record[dataset.EventTime.Name]!.GetValue<string>(), CultureInfo.InvariantCulture);
                Assert.That(Math.Abs((after - before).TotalDays), Is.GreaterThan(5 * 365 - 2), violation.Description);
                Assert.That((violation.Pointer, violation.Keyword), Is.EqualTo((dataset.EventTime.ToRecordPointer(), (string?)null)));
                continue;
            }

            Assert.That(result.Errors.Select(e => (e.InstanceLocation, e.Keyword)), Does.Contain((violation.Pointer, violation.Keyword!)),
                $"{violation.Description}\n{violation.Record.ToJsonString()}\n{string.Join("\n", result.Errors)}");
        }

        Assert.That(injected, Is.GreaterThan(Records * 3 / 4), "most records offer a place for every kind");
        TestContext.Out.WriteLine($"{kind}: {injected} injected at {string.Join(", ", pointers.Order(StringComparer.Ordinal))}");
    }

    [Test]
    public async Task Kinds_the_schema_offers_nothing_for_are_not_applicable()
    {
        var dataset = await GenerationTesting.WithSchema("""
            { "type": "object", "properties": { "n": { "type": ["integer", "null"] }, "s": { "type": "string" } } }
            """);
        var injector = ViolationInjector.For(dataset);
        var record = RecordGenerator.For(dataset).Generate(1);

        var applicable = Enum.GetValues<ViolationKind>().Where(injector.IsApplicable);

        Assert.That(applicable, Is.EqualTo(new[] { ViolationKind.WrongType }));
        foreach (var kind in Enum.GetValues<ViolationKind>().Where(k => k != ViolationKind.WrongType))
        {
            Assert.That(injector.Inject(record, kind, 1), Is.Null, kind.ToString());
        }
    }

    [Test]
    public async Task The_same_seed_breaks_the_same_place_the_same_way()
    {
        var dataset = await GenerationTesting.Example("orders.yaml", "orders");
        var injector = ViolationInjector.For(dataset);
        var record = RecordGenerator.For(dataset).Generate(5);

        var first = injector.Inject(record, ViolationKind.WrongType, 99)!;
        var second = injector.Inject(record, ViolationKind.WrongType, 99)!;

        Assert.That((second.Pointer, second.Record.ToJsonString()), Is.EqualTo((first.Pointer, first.Record.ToJsonString())));
        var places = Enumerable.Range(0, 50).Select(s => injector.Inject(record, ViolationKind.WrongType, (ulong)s)!.Pointer).Distinct();
        Assert.That(places.Count(), Is.GreaterThan(3), "different seeds pick different places");
    }
}
