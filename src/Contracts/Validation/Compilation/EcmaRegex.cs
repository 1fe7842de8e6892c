using System.Text;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions. .NET reads most of them the same way;
/// this fixes the differences that would change verdicts: <c>$</c> also matches before a final
/// newline in .NET, <c>\d</c> and <c>\w</c> match non-ASCII digits and letters, and Unicode
/// property names are spelt differently (<c>\p{Letter}</c> is <c>\p{L}</c>), ECMA's <c>\s</c>
/// includes U+FEFF, and patterns are read as Unicode: <c>.</c> and quantifiers take a whole code
/// point, where .NET would take half a surrogate pair.
/// </summary>
internal static class EcmaRegex
{
    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Cased_Letter"] = "LC", ["LC"] = "LC", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc",
        ["Enclosing_Mark"] = "Me", ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl",
        ["Other_Number"] = "No", ["Punctuation"] = "P", ["punct"] = "P", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Other"] = "C", ["Control"] = "Cc",
    };

    // ECMA's "." is any code point but a line terminator.
    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n\r\u2028\u2029])";

    public static Regex Create(string pattern) =>
        new(Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(2));

    public static string Translate(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                switch (next)
                {
                    case 'd':
                        result.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D' when !inClass:
                        result.Append("[^0-9]");
                        break;
                    case 'w':
                        result.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W' when !inClass:
                        result.Append("[^a-zA-Z0-9_]");
                        break;
                    case 's':
                        result.Append(inClass ? @"\s\uFEFF" : @"[\s\uFEFF]");
                        break;
                    case 'S' when !inClass:
                        result.Append(@"[^\s\uFEFF]");
                        break;
                    case 'p' or 'P' when i + 2 < pattern.Length && pattern[i + 2] == '{':
                        {
                            var end = pattern.IndexOf('}', i + 3);
                            if (end < 0)
                            {
                                result.Append(c).Append(next);
                                break;
                            }

                            var name = pattern[(i + 3)..end];
                            var value = name.Contains('=', StringComparison.Ordinal) ? name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..] : name;
                            var category = PropertyNames.GetValueOrDefault(value, value);
                            if (category == "LC")
                            {
                                AppendCasedLetter(result, negated: next == 'P', inClass);
                            }
                            else
                            {
                                result.Append('\\').Append(next).Append('{').Append(category).Append('}');
                            }

                            i = end;
                            continue;
                        }

                    default:
                        result.Append(c).Append(next);
                        break;
                }

                i++;
                continue;
            }

            if (c == '[' && !inClass)
            {
                inClass = true;
            }
            else if (c == ']' && inClass)
            {
                inClass = false;
            }
            else if (c == '$' && !inClass)
            {
                result.Append(@"\z");
                continue;
            }
            else if (c == '.' && !inClass)
            {
                result.Append(AnyCodePoint);
                continue;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]) && !inClass)
            {
                // One character to ECMA, two to .NET: group it so a quantifier takes both halves.
                result.Append("(?:").Append(c).Append(pattern[i + 1]).Append(')');
                i++;
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// ECMA's Cased_Letter (LC) is Lu, Ll and Lt together; .NET has no name for it, and reading it
    /// as L would also accept modifier and other letters (Lm, Lo: 'ʰ', 'あ').
    /// </summary>
    private static void AppendCasedLetter(StringBuilder result, bool negated, bool inClass)
    {
        const string Cased = @"\p{Lu}\p{Ll}\p{Lt}";
        if (!inClass)
        {
            result.Append(negated ? "[^" : "[").Append(Cased).Append(']');
        }
        else if (!negated)
        {
            result.Append(Cased);
        }
        else
        {
            // A negated union cannot stand inside a class; .NET rejects the name, so the pattern is
            // reported as unsupported rather than checked as something else.
            result.Append(@"\P{Cased_Letter}");
        }
    }
}
