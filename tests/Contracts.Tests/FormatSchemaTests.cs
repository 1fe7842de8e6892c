using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Tests.Support;
using ContractKit.Contracts.Validation;
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

    [Test]
    public void The_quick_check_is_compiled_not_delegated()
    {
        Assert.That(FormatSchema.Instance.Quick.Engine, Is.EqualTo(ValidationEngine.Compiled), FormatSchema.Instance.Quick.DelegationReason);
    }

    /// <summary>
    /// Lint trusts the compiled verdict and asks JsonSchema.Net for details only when it says
    /// invalid: a document that JsonSchema.Net rejects but ours accepts would lose its findings.
    /// The corpus: the examples, every lint fixture, and seeded random edits of the examples.
    /// </summary>
    [Test]
    public void The_quick_check_agrees_with_JsonSchema_Net_on_every_document()
    {
        var texts = new List<(string Name, string Text)>();
        foreach (var example in new[] { "orders.yaml", "payments.yaml", "clickstream.yaml" })
        {
            var original = File.ReadAllText(Repository.Example(example));
            texts.Add((example, original));
            var random = new Random(20261127 + example.Length);
            for (var i = 0; i < 300; i++)
            {
                texts.Add(($"{example} edit {i}", Edit(original, random)));
            }
        }

        var fixtures = Path.Combine(Repository.Root, "tests", "Contracts.Tests", "Fixtures", "lint");
        texts.AddRange(Directory.EnumerateFiles(fixtures, "*.yaml", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))));

        var format = FormatSchema.Instance;
        var disagreements = new List<string>();
        var (valid, invalid) = (0, 0);
        foreach (var (name, text) in texts)
        {
            if (DocumentReader.Read(Encoding.UTF8.GetBytes(text), name, name).Document is not { } document)
            {
                continue;
            }

            var json = document.Root.ToJsonElement();
            var theirs = format.Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
            var ours = format.Quick.IsValid(json);
            (valid, invalid) = theirs ? (valid + 1, invalid) : (valid, invalid + 1);
            if (ours != theirs)
            {
                disagreements.Add($"{name}: JsonSchema.Net {(theirs ? "valid" : "invalid")}, compiled {(ours ? "valid" : "invalid")}");
            }
        }

        TestContext.Out.WriteLine($"{valid} valid and {invalid} invalid documents compared");
        Assert.That(disagreements, Is.Empty, string.Join("\n", disagreements.Take(10)));
        Assert.That(valid, Is.GreaterThan(50), "the corpus must hold many valid documents");
        Assert.That(invalid, Is.GreaterThan(50), "the corpus must hold many invalid documents");
    }

    /// <summary>Small edits that keep most documents readable YAML: values replaced, keys renamed, lines dropped or repeated.</summary>
    private static string Edit(string text, Random random)
    {
        string[] values = ["1", "-1", "true", "null", "\"\"", "[]", "{}", "5 minutes", "101%", "abc", "1.2", "${env:X}", "[a, b]", "{ a: 1 }"];
        var lines = text.Split('\n').ToList();
        for (var e = random.Next(1, 3); e > 0; e--)
        {
            var i = random.Next(lines.Count);
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            switch (random.Next(4))
            {
                case 0 when colon > 0:
                    lines[i] = lines[i][..(colon + 2)] + values[random.Next(values.Length)];
                    break;
                case 1 when colon > 0:
                    lines[i] = lines[i][..colon] + "x" + lines[i][colon..];
                    break;
                case 2:
                    lines.RemoveAt(i);
                    break;
                default:
                    lines.Insert(i, lines[i]);
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
