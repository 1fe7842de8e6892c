using System.Text.Json;
using Json.Schema;

namespace ContractKit.Contracts.Loading;

/// <summary>
/// The published JSON Schema of the contract format (schemas/contractkit-v1.schema.json), embedded
/// in the assembly so lint checks exactly what editors complete.
/// </summary>
internal sealed class FormatSchema
{
    private static readonly Lazy<FormatSchema> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private FormatSchema(JsonSchema schema, JsonElement raw)
    {
        Schema = schema;
        Raw = raw;
    }

    /// <summary>The schema, built once per process; it is immutable and safe to share.</summary>
    public static FormatSchema Instance => Shared.Value;

    public JsonSchema Schema { get; }

    /// <summary>The schema's JSON, for reading keyword values when explaining a failure.</summary>
    public JsonElement Raw { get; }

    private static FormatSchema Load()
    {
        using var stream = typeof(FormatSchema).Assembly.GetManifestResourceStream("contractkit-v1.schema.json")
            ?? throw new InvalidOperationException("the format schema is not embedded in ContractKit.Contracts");
        using var document = JsonDocument.Parse(stream);
        var raw = document.RootElement.Clone();
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return new FormatSchema(JsonSchema.Build(raw, options), raw);
    }
}
