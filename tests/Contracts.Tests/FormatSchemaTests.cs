using System.Text.Json;
using ContractKit.Contracts.Tests.Support;
using Json.Schema;

namespace ContractKit.Contracts.Tests;

/// <summary>The published schema is what editors use: it must be valid and accept the examples.</summary>
public class FormatSchemaTests
{
    private static string SchemaPath => Path.Combine(Repository.Root, "schemas", "contractkit-v1.schema.json");

    [Test]
    public void Is_a_valid_draft_2020_12_schema()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath)).RootElement;
        var result = MetaSchemas.Draft202012.Evaluate(schema, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(result.IsValid, Is.True, JsonSerializer.Serialize(result));
    }

    [TestCase("orders.yaml")]
    [TestCase("payments.yaml")]
    [TestCase("clickstream.yaml")]
    public void Accepts_the_examples_and_they_point_editors_at_it(string example)
    {
        var text = File.ReadAllText(Repository.Example(example));
        Assert.That(text, Does.StartWith("# yaml-language-server: $schema=../schemas/contractkit-v1.schema.json"));

        var read = ContractKit.Contracts.Documents.DocumentReader.Read(text, example, Repository.Example(example));
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        Assert.That(schema.Evaluate(read.Document!.Root.ToJsonElement()).IsValid, Is.True);
    }

    [Test]
    public void The_embedded_copy_is_the_published_file()
    {
        using var stream = typeof(ContractKit.Contracts.Loading.ContractLoader).Assembly.GetManifestResourceStream("contractkit-v1.schema.json")!;
        using var reader = new StreamReader(stream);
        Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(SchemaPath)));
    }
}
