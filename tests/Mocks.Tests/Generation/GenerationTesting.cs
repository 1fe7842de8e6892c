using System.Buffers;
using System.Text.Json;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Tests.Generation;

/// <summary>Datasets for the generator tests: the examples, and one-dataset contracts around a schema.</summary>
internal static class GenerationTesting
{
    public static async Task<IReadOnlyList<Dataset>> Example(string contract)
    {
        var result = await ContractLoader.LoadFileAsync(TestRepository.Example(contract));
        Assert.That(result.Contract, Is.Not.Null, string.Join("\n", result.Diagnostics));
        return result.Contract!.Datasets;
    }

    public static async Task<Dataset> Example(string contract, string dataset) =>
        (await Example(contract)).Single(d => d.Name == dataset);

    /// <summary>A dataset whose schema is <paramref name="schemaJson"/> (JSON, which YAML reads as is).</summary>
    public static async Task<Dataset> WithSchema(string schemaJson, string? key = null, string? eventTime = null)
    {
        var text = $$"""
            apiVersion: contractkit/v1
            id: generator-test
            version: 1.0.0
            status: draft
            title: Generator test
            owner: { team: data }
            source: { kind: files }
            datasets:
              - name: things
                files: { path: "*.jsonl", format: jsonl }
                schema: {{schemaJson.ReplaceLineEndings(" ")}}
            {{(key is null ? "" : "    key: [" + key + "]")}}
            {{(eventTime is null ? "" : "    eventTime: " + eventTime)}}
            """;
        var result = await ContractLoader.LoadTextAsync(text, "generator-test.yaml", Path.Combine(Path.GetTempPath(), "generator-test.yaml"));
        Assert.That(result.Contract, Is.Not.Null, string.Join("\n", result.Diagnostics));
        return result.Contract!.Datasets[0];
    }

    /// <summary>The bytes of one record.</summary>
    public static byte[] Bytes(RecordGenerator generator, ulong seed, RecordOverrides? overrides = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            generator.Write(writer, seed, overrides);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
