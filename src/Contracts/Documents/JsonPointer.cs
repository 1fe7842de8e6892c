using System.Text;

namespace ContractKit.Contracts.Documents;

/// <summary>
/// JSON Pointers (RFC 6901) as plain strings, the way every finding and change names a place in a
/// contract: <c>/datasets/0/freshness/warn</c>. The empty string is the whole document.
/// </summary>
public static class JsonPointer
{
    /// <summary>The pointer to the whole document.</summary>
    public const string Root = "";

    /// <summary>Appends one property name, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string property) =>
        pointer + "/" + property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Appends one array index.</summary>
    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Splits a pointer into its unescaped reference tokens.</summary>
    /// <returns>The tokens, or null when the text is not a pointer.</returns>
    public static IReadOnlyList<string>? Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var tokens = new List<string>();
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = new StringBuilder(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] != '~')
                {
                    token.Append(raw[i]);
                    continue;
                }

                if (i + 1 >= raw.Length || (raw[i + 1] != '0' && raw[i + 1] != '1'))
                {
                    return null;
                }

                token.Append(raw[i + 1] == '0' ? '~' : '/');
                i++;
            }

            tokens.Add(token.ToString());
        }

        return tokens;
    }

    /// <summary>True when <paramref name="pointer"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string pointer, string ancestor) =>
        pointer.Length == ancestor.Length
            ? string.Equals(pointer, ancestor, StringComparison.Ordinal)
            : pointer.Length > ancestor.Length && pointer[ancestor.Length] == '/' &&
              pointer.StartsWith(ancestor, StringComparison.Ordinal);
}
