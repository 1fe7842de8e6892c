using System.Text.Json;
using ContractKit.Contracts.Schemas;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary><c>type</c>.</summary>
internal sealed class TypeCheck(JsonTypes allowed, string location) : Check
{
    private readonly string _expected = JsonTypeNames.Format(allowed).Replace(" | ", " or ", StringComparison.Ordinal);

    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        var matches = instance.ValueKind switch
        {
            JsonValueKind.Object => allowed.HasFlag(JsonTypes.Object),
            JsonValueKind.Array => allowed.HasFlag(JsonTypes.Array),
            JsonValueKind.String => allowed.HasFlag(JsonTypes.String),
            JsonValueKind.Number => allowed.HasFlag(JsonTypes.Number) || (allowed.HasFlag(JsonTypes.Integer) && JsonNumbers.IsInteger(instance)),
            JsonValueKind.True or JsonValueKind.False => allowed.HasFlag(JsonTypes.Boolean),
            _ => allowed.HasFlag(JsonTypes.Null),
        };
        if (!matches)
        {
            evaluation.Report("type", location, $"must be {_expected}, not {Evaluation.TypeName(instance)}{(instance.ValueKind is JsonValueKind.Null ? "" : " (" + evaluation.Quote(instance) + ")")}");
        }

        return matches;
    }
}
