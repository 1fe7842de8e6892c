namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>
/// Reads <c>Link</c> headers (RFC 8288): <c>&lt;uri&gt;; rel="next last"; title="…", &lt;uri&gt;; rel=prev</c>.
/// Commas and semicolons inside the angle brackets or a quoted string do not split; relation types
/// compare case-insensitively; a link's first <c>rel</c> parameter counts, later ones are ignored.
/// </summary>
internal static class LinkHeader
{
    /// <summary>The target of the first link whose relations include <paramref name="rel"/>, as written (maybe relative).</summary>
    /// <param name="values">The values of every <c>Link</c> header of a response.</param>
    /// <param name="rel">The relation type to find.</param>
    public static string? Find(IEnumerable<string> values, string rel)
    {
        foreach (var value in values)
        {
            foreach (var (target, relations) in Parse(value))
            {
                if (relations.Any(r => string.Equals(r, rel, StringComparison.OrdinalIgnoreCase)))
                {
                    return target;
                }
            }
        }

        return null;
    }

    /// <summary>Each link in one header value: its target and relation types. Malformed parts are skipped.</summary>
    public static IEnumerable<(string Target, string[] Relations)> Parse(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            // Skip to the next link-value.
            while (i < value.Length && value[i] != '<')
            {
                i++;
            }

            var close = i < value.Length ? value.IndexOf('>', i + 1) : -1;
            if (close < 0)
            {
                yield break;
            }

            var target = value[(i + 1)..close].Trim();
            i = close + 1;
            string? rel = null;
            while (true)
            {
                SkipWhitespace(value, ref i);
                if (i >= value.Length || value[i] != ';')
                {
                    break;
                }

                i++;
                SkipWhitespace(value, ref i);
                var nameStart = i;
                while (i < value.Length && value[i] is not ('=' or ';' or ',') && !char.IsWhiteSpace(value[i]))
                {
                    i++;
                }

                var name = value[nameStart..i];
                SkipWhitespace(value, ref i);
                string? parameter = null;
                if (i < value.Length && value[i] == '=')
                {
                    i++;
                    SkipWhitespace(value, ref i);
                    parameter = ReadValue(value, ref i);
                }

                if (rel is null && parameter is not null && name.Equals("rel", StringComparison.OrdinalIgnoreCase))
                {
                    rel = parameter;
                }
            }

            // Anything else up to the comma that ends this link-value is not ours to read.
            while (i < value.Length && value[i] != ',')
            {
                i++;
            }

            yield return (target, rel?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
        }
    }

    private static string ReadValue(string text, ref int i)
    {
        if (i < text.Length && text[i] == '"')
        {
            var result = new System.Text.StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                // quoted-pair: a backslash takes the next character as it is.
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                result.Append(text[i++]);
            }

            i = Math.Min(i + 1, text.Length);
            return result.ToString();
        }

        var start = i;
        while (i < text.Length && text[i] is not (';' or ',') && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    private static void SkipWhitespace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
