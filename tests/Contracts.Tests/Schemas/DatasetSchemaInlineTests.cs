using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Tests.Support;
using ContractKit.Contracts.Validation;

namespace ContractKit.Contracts.Tests.Schemas;

/// <summary>DatasetSchema.Inline: every reference replaced by what it names, the meaning kept.</summary>
public class DatasetSchemaInlineTests
{
    private static async Task<DatasetSchema> Example(string name)
    {
        var result = await ContractLoader.LoadFileAsync(Repository.Example(name));
        return result.Contract!.Datasets[0].Schema;
    }

    /// <summary>Loads a one-dataset contract whose schema is <paramref name="schemaJson"/>, beside <paramref name="files"/>.</summary>
    private static async Task<DatasetSchema> Load(TempFolder folder, string schemaJson, params (string Name, string Json)[] files)
    {
        foreach (var (name, json) in files)
        {
            folder.Write(name, json);
        }

        var text = $$"""
            apiVersion: contractkit/v1
            id: inline-test
            version: 1.0.0
            status: draft
            title: Inline test
            owner: { team: data }
            source: { kind: files }
            datasets:
              - name: things
                files: { path: "*.jsonl", format: jsonl }
                schema: {{schemaJson}}
            """;
        var path = folder.Write("contract.yaml", text);
        var result = await ContractLoader.LoadFileAsync(path);
        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty, string.Join("\n", result.Diagnostics));
        return result.Contract!.Datasets[0].Schema;
    }

    private static string Text(JsonElement element) => JsonSerializer.Serialize(element);

    [Test]
    public async Task A_schema_without_references_comes_back_unchanged()
    {
        var orders = await Example("orders.yaml");

        Assert.That(JsonElement.DeepEquals(orders.Inline(), orders.Json), Is.True, Text(orders.Inline()));
    }

    [Test]
    public async Task A_reference_to_another_file_and_its_defs_is_inlined()
    {
        var clicks = await Example("clickstream.yaml");

        var inlined = clicks.Inline();

        Assert.That(Text(inlined), Does.Not.Contain("$ref").And.Not.Contain("$defs").And.Not.Contain("$schema"));
        var page = inlined.GetProperty("properties").GetProperty("page");
        Assert.That(page.GetProperty("properties").GetProperty("url").GetProperty("format").GetString(), Is.EqualTo("uri"));
        Assert.That(page.GetProperty("required")[0].GetString(), Is.EqualTo("url"));
    }

    [Test]
    public async Task The_inlined_schema_gives_the_validator_the_same_verdicts()
    {
        var clicks = await Example("clickstream.yaml");
        var original = RecordValidator.For(clicks);
        var inlined = RecordValidator.Create(clicks.Inline(), "urn:test:inlined");
        string[] records =
        [
            """{"event_id":"6b1f8c8e-2d3a-4c55-9a57-0d2f5f1e9b11","occurred_at":"2025-01-02T03:04:05Z","kind":"click","page":{"url":"https://example.com/a"}}""",
            """{"event_id":"6b1f8c8e-2d3a-4c55-9a57-0d2f5f1e9b11","occurred_at":"2025-01-02T03:04:05Z","kind":"click","page":{"url":"not a uri"}}""",
            """{"event_id":"6b1f8c8e-2d3a-4c55-9a57-0d2f5f1e9b11","occurred_at":"2025-01-02T03:04:05Z","kind":"click","page":{"referrer":null}}""",
            """{"event_id":"6b1f8c8e-2d3a-4c55-9a57-0d2f5f1e9b11","occurred_at":"2025-01-02T03:04:05Z","kind":"click","page":{"url":"https://example.com/a","extra":1}}""",
        ];

        foreach (var record in records)
        {
            Assert.That(inlined.Validate(record).IsValid, Is.EqualTo(original.Validate(record).IsValid), record);
        }
    }

    [Test]
    public async Task Keywords_beside_a_reference_join_it_in_allOf()
    {
        using var folder = new TempFolder();
        var schema = await Load(folder, """
            { "type": "object", "properties": { "code": { "$ref": "#/$defs/code", "maxLength": 5, "allOf": [ { "minLength": 2 } ] } },
              "$defs": { "code": { "type": "string", "pattern": "^[A-Z]+$" } } }
            """);

        var code = schema.Inline().GetProperty("properties").GetProperty("code");

        Assert.That(code.GetProperty("maxLength").GetInt32(), Is.EqualTo(5));
        Assert.That(code.GetProperty("allOf").GetArrayLength(), Is.EqualTo(2));
        Assert.That(code.GetProperty("allOf")[0].GetProperty("minLength").GetInt32(), Is.EqualTo(2));
        Assert.That(code.GetProperty("allOf")[1].GetProperty("pattern").GetString(), Is.EqualTo("^[A-Z]+$"));
    }

    [Test]
    public async Task Anchors_and_ids_in_other_files_resolve_as_the_validator_resolves_them()
    {
        using var folder = new TempFolder();
        var schema = await Load(folder, """
            { "type": "object", "properties": { "who": { "$ref": "schemas/people.json#person" }, "where": { "$ref": "schemas/people.json#/$defs/address" } } }
            """,
            ("schemas/people.json", """
                { "$id": "people.json",
                  "$defs": {
                    "person": { "$anchor": "person", "type": "object", "properties": { "name": { "$ref": "#/$defs/name" } } },
                    "name": { "type": "string", "minLength": 1 },
                    "address": { "$id": "nested/address.json", "type": "object", "properties": { "zip": { "$ref": "#zip" } },
                                 "$defs": { "zip": { "$anchor": "zip", "type": "string", "pattern": "^[0-9]{5}$" } } } } }
                """));

        var inlined = schema.Inline();

        var properties = inlined.GetProperty("properties");
        Assert.That(properties.GetProperty("who").GetProperty("properties").GetProperty("name").GetProperty("minLength").GetInt32(), Is.EqualTo(1));
        Assert.That(properties.GetProperty("where").GetProperty("properties").GetProperty("zip").GetProperty("pattern").GetString(), Is.EqualTo("^[0-9]{5}$"));
        Assert.That(Text(inlined), Does.Not.Contain("$id").And.Not.Contain("$anchor"));
    }

    [Test]
    public async Task Recursion_stops_at_max_depth_with_a_schema_that_accepts_nothing()
    {
        using var folder = new TempFolder();
        var schema = await Load(folder, """
            { "$ref": "#/$defs/node",
              "$defs": { "node": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#/$defs/node" } } } } } }
            """);

        var inlined = JsonNode.Parse(Text(schema.Inline(maxDepth: 2)))!;

        // The root is the first expansion of node, its children's items the second, their items the cut.
        var second = inlined["properties"]!["children"]!["items"]!;
        Assert.That(second["properties"]!["name"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(second["properties"]!["children"]!["items"]!.GetValueKind(), Is.EqualTo(JsonValueKind.False));

        var validator = RecordValidator.Create(schema.Inline(maxDepth: 2), "urn:test:tree");
        Assert.That(validator.Validate("""{"name":"a","children":[{"name":"b","children":[]}]}""").IsValid, Is.True);
        Assert.That(validator.Validate("""{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}""").IsValid, Is.False);
    }

    [Test]
    public async Task A_dynamic_reference_takes_the_outermost_dynamic_anchor()
    {
        using var folder = new TempFolder();
        var schema = await Load(folder, """
            { "$ref": "schemas/list.json",
              "$defs": { "item": { "$dynamicAnchor": "item", "type": "integer" } } }
            """,
            ("schemas/list.json", """
                { "$id": "list.json", "type": "array", "items": { "$dynamicRef": "#item" },
                  "$defs": { "item": { "$dynamicAnchor": "item" } } }
                """));

        var inlined = schema.Inline();

        Assert.That(inlined.GetProperty("items").GetProperty("type").GetString(), Is.EqualTo("integer"));
        Assert.That(RecordValidator.For(schema).Validate("""["x"]""").IsValid, Is.False, "the validator reads it the same way");
    }

    [Test]
    public async Task A_negative_depth_is_refused()
    {
        var orders = await Example("orders.yaml");

        Assert.That(() => orders.Inline(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
