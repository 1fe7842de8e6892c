using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractKit.Cli.Commands.Codegen;

/// <summary>
/// C# names for JSON names: <c>order_id</c> → <c>OrderId</c>, <c>page-view</c> → <c>PageView</c>.
/// The JSON name stays in <c>[JsonPropertyName]</c> and <c>[JsonStringEnumMemberName]</c>, so the
/// C# name only has to be a valid, readable identifier.
/// </summary>
internal static partial class CSharpNames
{
    private static readonly FrozenSet<string> Keywords = new[]
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Upper camel case of the words in <paramref name="text"/>; <paramref name="fallback"/> when it has none.</summary>
    public static string Pascal(string text, string fallback)
    {
        var name = new StringBuilder(text.Length);
        foreach (var word in Words().Split(text).Where(w => w.Length > 0))
        {
            // Shouting words (ORDER_ID) read as words; mixed case (orderId) is kept.
            var shouting = word.Length > 1 && word.All(c => !char.IsLower(c));
            name.Append(char.ToUpperInvariant(word[0]));
            name.Append(shouting ? word[1..].ToLowerInvariant() : word[1..]);
        }

        if (name.Length == 0)
        {
            return fallback;
        }

        return char.IsDigit(name[0]) ? "_" + name : name.ToString();
    }

    /// <summary>The C# name of an enum member for a JSON value.</summary>
    public static string EnumMember(object? value) => value switch
    {
        null => "Null",
        string text => Pascal(text, "Empty"),
        bool flag => flag ? "True" : "False",
        IFormattable number => "Value" + number.ToString(null, CultureInfo.InvariantCulture)!.Replace("-", "Minus", StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal),
        _ => Pascal(value.ToString() ?? "", "Value"),
    };

    /// <summary>Appends 2, 3, … to names already taken, in order, so every name in the list is unique.</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<string> names, IEnumerable<string> reserved)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var suffix = 2; !taken.Add(candidate); suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(candidate);
        }

        return result;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a dotted C# namespace (<c>Acme.Orders</c>) in which the
    /// generated code still finds System.* (<c>Acme.System</c> would hide it).
    /// </summary>
    public static bool IsNamespace(string text) =>
        Namespace().IsMatch(text) &&
        text.Split('.').All(part => !Keywords.Contains(part)) &&
        text.Split('.').Skip(1).All(part => part is not ("System" or "Microsoft"));

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*(\.[\p{L}_][\p{L}\p{Nd}_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Namespace();
}
