using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Documents;

/// <summary>
/// Types plain scalars by the YAML 1.2 core schema, so <c>yes</c> stays a string and
/// <c>2.1.0</c> stays text while <c>2.1</c> becomes a number — the same reading editors give.
/// </summary>
internal static partial class ScalarResolver
{
    public static ScalarKind Resolve(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when IntegerPattern().IsMatch(text) => ScalarKind.Integer,
        _ when FloatPattern().IsMatch(text) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    public static bool IsTrue(string text) => text is "true" or "True" or "TRUE";

    /// <summary>The scalar as JSON number text, or false for .inf/.nan.</summary>
    public static bool TryGetJsonNumber(string text, out string json)
    {
        json = text;
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            json = BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                .ToString(CultureInfo.InvariantCulture);
            return true;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            var value = BigInteger.Zero;
            foreach (var digit in text[2..])
            {
                value = (value * 8) + (digit - '0');
            }

            json = value.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        if (text.Contains(".inf", StringComparison.OrdinalIgnoreCase) || text.Contains(".nan", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // JSON wants a digit on both sides of the point and no leading '+'.
        var number = text.TrimStart('+');
        var negative = number.StartsWith('-');
        if (negative)
        {
            number = number[1..];
        }

        if (number.StartsWith('.'))
        {
            number = "0" + number;
        }

        number = number.Replace(".e", ".0e", StringComparison.OrdinalIgnoreCase);
        if (number.EndsWith('.'))
        {
            number += "0";
        }

        // JSON forbids leading zeros ("007").
        var integerEnd = number.IndexOfAny(['.', 'e', 'E']);
        var integerPart = integerEnd < 0 ? number : number[..integerEnd];
        var trimmed = integerPart.TrimStart('0');
        number = (trimmed.Length == 0 ? "0" : trimmed) + (integerEnd < 0 ? "" : number[integerEnd..]);
        json = (negative ? "-" : "") + number;
        return true;
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
