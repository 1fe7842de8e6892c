using System.Buffers;
using System.Text.Json;
using ContractKit.Contracts.Validation;
using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Tests.Generation;

/// <summary>Records generated for the example contracts: all valid, deterministic, with the caller's identity and time.</summary>
public class ExampleGenerationTests
{
    private const int Records = 100_000;

    private static readonly object[] Datasets =
    [
        new object[] { "orders.yaml", "orders" },
        new object[] { "payments.yaml", "payments" },
        new object[] { "payments.yaml", "refunds" },
        new object[] { "clickstream.yaml", "clicks" },
    ];

    [TestCaseSource(nameof(Datasets))]
    public async Task Every_one_of_100000_records_validates(string contract, string name)
    {
        var dataset = await GenerationTesting.Example(contract, name);
        var generator = RecordGenerator.For(dataset);
        var validator = RecordValidator.For(dataset.Schema);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var invalid = 0;
        string? first = null;
        for (var i = 0; i < Records; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            // Half as a simulator writes them (its key and event time), half from the seed alone.
            var overrides = i % 2 == 0 ? new RecordOverrides { KeySequence = i, EventTime = start.AddSeconds(i * 17.3) } : null;
            generator.Write(writer, (ulong)i * 7919 + 1, overrides);
            writer.Flush();
            using var record = JsonDocument.Parse(buffer.WrittenMemory);
            if (!validator.IsValid(record.RootElement))
            {
                invalid++;
                first ??= record.RootElement.GetRawText() + "\n" + string.Join("\n", validator.Validate(record.RootElement).Errors);
            }
        }

        Assert.That(invalid, Is.Zero, first);
    }
}
