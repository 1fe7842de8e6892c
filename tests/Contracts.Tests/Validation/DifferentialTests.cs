using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation;
using Json.Schema;

namespace ContractKit.Contracts.Tests.Validation;

/// <summary>
/// The compiled validator and JsonSchema.Net must agree on every record: valid ones and records
/// broken in every way a source breaks them (seeded, so a disagreement reproduces).
/// </summary>
public class DifferentialTests
{
    private const int RecordsPerDataset = 3000;

    [TestCase("orders.yaml")]
    [TestCase("payments.yaml")]
    [TestCase("clickstream.yaml")]
    public async Task Agrees_with_JsonSchemaNet_on_generated_records(string example)
    {
        var contract = (await ContractLoader.LoadFileAsync(TestRepository.Example(example))).Contract!;
        foreach (var dataset in contract.Datasets)
        {
            var ours = RecordValidator.For(dataset.Schema);
            Assert.That(ours.Engine, Is.EqualTo(ValidationEngine.Compiled));
            var reference = Reference(dataset.Schema);
            var random = new Random(example.Length * 7919 + dataset.Name.Length);
            var disagreements = new List<string>();
            var invalid = 0;
            for (var i = 0; i < RecordsPerDataset; i++)
            {
                var record = RecordMutations.Mutate(RecordMutations.ValidRecord(dataset.Schema, random), dataset.Schema, random);
                var element = JsonSerializer.SerializeToElement(record);
                var expected = reference.Evaluate(element, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.Hierarchical }).IsValid;
                var quick = ours.IsValid(element);
                var detailed = ours.Validate(element);
                invalid += expected ? 0 : 1;
                if (quick != expected || detailed.IsValid != expected)
                {
                    disagreements.Add($"{record!.ToJsonString()}: JsonSchema.Net says {(expected ? "valid" : "invalid")}, ours {quick}/{detailed.IsValid} {string.Join("; ", detailed.Errors)}");
                }
            }

            Assert.That(disagreements, Is.Empty, string.Join("\n", disagreements.Take(5)));
            Assert.That(invalid, Is.InRange(RecordsPerDataset / 4, RecordsPerDataset * 3 / 4), "the mix must hold valid and invalid records");
        }
    }

    /// <summary>
    /// JsonSchema.Net as the reference, with one correction: it runs patterns with .NET semantics, where
    /// "$" also matches before a final newline ("ABC\n" matches ^[A-Z]{3}$). JSON Schema means
    /// ECMA-262, so the reference gets the same pattern translation ours uses; EcmaRegexTests and the
    /// suite's ecmascript-regex cases check the translation itself.
    /// </summary>
    private static JsonSchema Reference(DatasetSchema schema)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        foreach (var document in schema.Documents.Values.Where(d => d.Uri != schema.BaseUri))
        {
            options.SchemaRegistry.Register(document.Uri, JsonSchema.Build(EcmaPatterns(document.Json), options, document.Uri));
        }

        return JsonSchema.Build(EcmaPatterns(schema.Json), options, schema.BaseUri);
    }

    private static JsonElement EcmaPatterns(JsonElement schema)
    {
        var node = JsonNode.Parse(schema.GetRawText())!;
        Rewrite(node);
        return JsonSerializer.SerializeToElement(node);

        static void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        if (key == "pattern" && value is JsonValue text && text.TryGetValue<string>(out var pattern))
                        {
                            obj[key] = Contracts.Validation.Compilation.EcmaRegex.Translate(pattern);
                        }
                        else
                        {
                            Rewrite(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Rewrite(item);
                    }

                    break;
            }
        }
    }
}

/// <summary>Valid records from a schema's fields, and the ways sources break them.</summary>
internal static class RecordMutations
{
    private static readonly string[] BadStrings =
        ["", "not-a-value", "2024-02-30T10:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01 10:00:00", "12345678-1234-1234-1234-12345678901", "user@", "http//x", "999.1.1.1", "ABC\n", "abc"];

    public static JsonObject ValidRecord(DatasetSchema schema, Random random)
    {
        var record = new JsonObject();
        foreach (var field in schema.Fields.Where(f => f.Path.IsTopLevel))
        {
            if (!field.Required && random.Next(4) == 0)
            {
                continue;
            }

            record[field.Path.Name] = Value(field, schema, random);
        }

        return record;
    }

    private static JsonNode? Value(SchemaField field, DatasetSchema schema, Random random)
    {
        if (!field.EnumValues.IsEmpty)
        {
            return field.EnumValues[random.Next(field.EnumValues.Length)];
        }

        if (field.Nullable && random.Next(5) == 0)
        {
            return null;
        }

        var name = field.Path.ToString();
        return field.Format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date-time" => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next(10_000_000)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            "email" => $"user{random.Next(1000)}@example.com",
            "uri" => $"https://example.com/p/{random.Next(1000)}",
            "ipv4" => $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}",
            _ when field.Types.HasFlag(JsonTypes.Object) => NestedObject(schema, name, random),
            _ when field.Types.HasFlag(JsonTypes.Array) => new JsonArray(ItemFor(schema, name, random)),
            _ when field.Types.HasFlag(JsonTypes.Integer) && !field.Types.HasFlag(JsonTypes.String) => random.Next(1, 1000),
            _ when field.Types.HasFlag(JsonTypes.Number) && !field.Types.HasFlag(JsonTypes.String) => Math.Round(random.NextDouble() * 1000, 2),
            _ when field.Types.HasFlag(JsonTypes.Boolean) => random.Next(2) == 0,
            _ when name.Contains("currency", StringComparison.Ordinal) => "EUR",
            _ when name.Contains("last4", StringComparison.Ordinal) => "4242",
            _ => $"value-{random.Next(100_000)}",
        };
    }

    private static JsonObject NestedObject(DatasetSchema schema, string prefix, Random random)
    {
        var nested = new JsonObject();
        foreach (var field in schema.Fields.Where(f => f.Path.Segments.Length == prefix.Split('.').Length + 1 && f.Path.ToString().StartsWith(prefix + ".", StringComparison.Ordinal)))
        {
            nested[field.Path.Name] = Value(field, schema, random);
        }

        return nested;
    }

    // Array items are described in the schema JSON, not in Fields: build the orders example's items.
    private static JsonObject ItemFor(DatasetSchema schema, string name, Random random) =>
        name == "items" ? new JsonObject { ["sku"] = $"SKU-{random.Next(100)}", ["quantity"] = random.Next(1, 5) } : [];

    public static JsonObject Mutate(JsonObject record, DatasetSchema schema, Random random)
    {
        var mutations = random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            var fields = schema.Fields.Where(f => f.Path.IsTopLevel).ToList();
            var field = fields[random.Next(fields.Count)].Path.Name;
            switch (random.Next(9))
            {
                case 0:
                    record.Remove(field);
                    break;
                case 1:
                    record["unexpected_" + random.Next(3)] = "x";
                    break;
                case 2:
                    record[field] = random.Next(2) == 0 ? 42 : "42";
                    break;
                case 3:
                    record[field] = null;
                    break;
                case 4:
                    record[field] = BadStrings[random.Next(BadStrings.Length)];
                    break;
                case 5:
                    record[field] = -random.Next(1, 100);
                    break;
                case 6:
                    record[field] = new JsonArray();
                    break;
                case 7:
                    record[field] = new JsonObject { ["sku"] = "", ["quantity"] = 0 };
                    break;
                default:
                    record[field] = random.Next(2) == 0 ? true : 1.5;
                    break;
            }
        }

        return record;
    }
}
