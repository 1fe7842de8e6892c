using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Validation;
using ContractKit.Mocks.Generation.Compilation;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>The product's validator on the schemas that apply to one value, for values written on trial.</summary>
internal sealed class Guard
{
    private readonly RecordValidator _validator;

    private Guard(RecordValidator validator) => _validator = validator;

    public static Guard For(IReadOnlyList<Source> sources)
    {
        var json = new StringBuilder();
        if (sources.Count == 1)
        {
            json.Append(sources[0].Schema.GetRawText());
        }
        else
        {
            json.Append("{\"allOf\":[").AppendJoin(',', sources.Select(s => s.Schema.GetRawText())).Append("]}");
        }

        using var document = JsonDocument.Parse(json.ToString());
        return new Guard(RecordValidator.Create(document.RootElement.Clone(), "urn:contractkit:generator"));
    }

    public bool Accepts(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return _validator.IsValid(document.RootElement);
    }

    public bool Accepts(JsonElement value) => _validator.IsValid(value);

    public ValidationResult Check(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return _validator.Validate(document.RootElement);
    }
}

/// <summary>
/// A generator whose values satisfy the schema only most of the time (overlapping oneOf branches, not,
/// an if that must fail): each value is written aside, checked with the validator, and drawn again
/// until it passes. Construction measured that most draws pass, so the retries are few.
/// </summary>
internal sealed class GuardedNode(Node inner, Guard guard, string location) : Node
{
    /// <summary>Draws before giving up: with at least one draw in five passing, failing all is below 1e-19.</summary>
    public const int Attempts = 200;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var scratch = context.Rent();
            try
            {
                inner.Write(scratch.Writer, ref rng, context);
                var written = scratch.Written;
                if (guard.Accepts(written))
                {
                    writer.WriteRawValue(written.Span, skipInputValidation: true);
                    return;
                }
            }
            finally
            {
                context.Return(scratch);
            }
        }

        throw new GenerationException(location, $"no valid value in {Attempts} draws; please report the schema");
    }
}
