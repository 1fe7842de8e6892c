using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// Interim format checks borrowed from JsonSchema.Net while ContractKit's own checkers are written
/// (branch "formats"); they replace this file wholesale.
/// </summary>
internal static class FormatCheckers
{
    public static IReadOnlyCollection<string> Names => Schemas.SchemaKeywords.EnforcedFormats;

    public static bool TryGet(string format, [NotNullWhen(true)] out Func<string, bool>? check)
    {
        check = null;
        if (!Schemas.SchemaKeywords.EnforcedFormats.Contains(format))
        {
            return false;
        }

        var borrowed = Json.Schema.FormatRegistry.Global.Get(format);
        check = text => borrowed.Validate(JsonSerializer.SerializeToElement(text), out _);
        return true;
    }
}
