using System.Text.Json;
using ContractKit.Contracts.Validation;
using Json.Schema;

namespace ContractKit.Contracts.Loading;

/// <summary>
/// The published JSON Schema of the contract format (schemas/contractkit-v1.schema.json), embedded
/// in the assembly so lint checks exactly what editors complete.
/// </summary>
internal sealed class FormatSchema
{
    private const string Id = "urn:contractkit:contractkit-v1";

    private static readonly Lazy<FormatSchema> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private FormatSchema(JsonSchema schema, RecordValidator quick, JsonElement raw)
    {
        Schema = schema;
        Quick = quick;
        Raw = raw;
    }

    /// <summary>The schema, built once per process; it is immutable and safe to share.</summary>
    public static FormatSchema Instance => Shared.Value;

    /// <summary>JsonSchema.Net's build of the schema: its detailed output explains a failure.</summary>
    public JsonSchema Schema { get; }

    /// <summary>
    /// Our compiled build of the same schema, for the pass/fail verdict most contracts need: about
    /// a fifth of the cost of loading a contract was JsonSchema.Net's evaluation. Formats are not
    /// asserted, as JsonSchema.Net does not by default (the detailed run must see the same failures).
    /// </summary>
    public RecordValidator Quick { get; }

    /// <summary>The schema's JSON, for reading keyword values when explaining a failure.</summary>
    public JsonElement Raw { get; }

    private static FormatSchema Load()
    {
        using var stream = typeof(FormatSchema).Assembly.GetManifestResourceStream("contractkit-v1.schema.json")
            ?? throw new InvalidOperationException("the format schema is not embedded in ContractKit.Contracts");
        using var document = JsonDocument.Parse(stream);
        var raw = document.RootElement.Clone();
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var quick = RecordValidator.Create(raw, Id, options: new ValidationOptions { AssertFormats = false, MaxErrorsPerRecord = 1 });
        return new FormatSchema(JsonSchema.Build(raw, options), quick, raw);
    }
}
