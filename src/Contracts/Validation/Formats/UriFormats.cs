namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>uri</c> and <c>uri-reference</c> (RFC 3986 section 3 and 4.1) and <c>iri</c> and
/// <c>iri-reference</c> (RFC 3987 section 2.2: the same grammar with non-ASCII <c>ucschar</c>
/// allowed, and <c>iprivate</c> in queries). A syntax check: hosts are reg-names, IPv4 addresses or
/// bracketed IPv6/IPvFuture literals; schemes are not looked up. <c>uri-template</c> is RFC 6570.
/// </summary>
internal static class UriFormats
{
    private enum Part
    {
        UserInfo,
        Host,
        Path,
        Query,
        Fragment,
    }

    /// <summary>Whether the text is an absolute URI (a scheme, then the rest).</summary>
    public static bool IsUri(string value) => IsReference(value, iri: false, relativeAllowed: false);

    /// <summary>Whether the text is a URI or a relative reference.</summary>
    public static bool IsUriReference(string value) => IsReference(value, iri: false, relativeAllowed: true);

    /// <summary>Whether the text is an absolute IRI.</summary>
    public static bool IsIri(string value) => IsReference(value, iri: true, relativeAllowed: false);

    /// <summary>Whether the text is an IRI or a relative IRI reference.</summary>
    public static bool IsIriReference(string value) => IsReference(value, iri: true, relativeAllowed: true);

    /// <summary>
    /// Whether the text is an RFC 6570 URI Template (level 4): literals, and expressions of an optional
    /// operator and comma-separated variables, each with an optional <c>:prefix</c> (1 to 9999) or <c>*</c>.
    /// The operators RFC 6570 reserves for future use (<c>= , ! @ |</c>) are rejected.
    /// </summary>
    public static bool IsUriTemplate(string value)
    {
        var text = value.AsSpan();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text[i..].IndexOf('}');
                if (close < 0 || !IsTemplateExpression(text.Slice(i + 1, close - 1)))
                {
                    return false;
                }

                i += close;
            }
            else if (c == '%')
            {
                if (!IsPercentEncoded(text, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (c < 0x80)
            {
                // RFC 6570 section 2.1 literals: not CTL, SP, DQUOTE, %, <, >, \, ^, `, {, | or }.
                // The apostrophe is allowed, as RFC 3986 allows it in every component (erratum 6937).
                if (c <= ' ' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '|' or '}' or '\u007F')
                {
                    return false;
                }
            }
            else if (!IsUcsChar(text, ref i, privateUse: true))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTemplateExpression(ReadOnlySpan<char> expression)
    {
        if (expression.Length > 0 && expression[0] is '+' or '#' or '.' or '/' or ';' or '?' or '&')
        {
            expression = expression[1..];
        }

        while (true)
        {
            var comma = expression.IndexOf(',');
            var varspec = comma < 0 ? expression : expression[..comma];
            if (!IsVarspec(varspec))
            {
                return false;
            }

            if (comma < 0)
            {
                return true;
            }

            expression = expression[(comma + 1)..];
        }
    }

    private static bool IsVarspec(ReadOnlySpan<char> varspec)
    {
        var end = varspec.IndexOfAny(':', '*');
        var name = end < 0 ? varspec : varspec[..end];
        var modifier = end < 0 ? [] : varspec[end..];

        // varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
        if (name.IsEmpty || name[0] == '.' || name[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '%')
            {
                if (!IsPercentEncoded(name, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (c == '.' ? name[i - 1] == '.' : !(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        // prefix = ":" max-length, a positive integer below 10000 without leading zeros; explode = "*".
        return modifier.IsEmpty || modifier is "*" ||
               (modifier.Length is >= 2 and <= 5 && modifier[0] == ':' && modifier[1] is >= '1' and <= '9' &&
                modifier[2..].IndexOfAnyExceptInRange('0', '9') < 0);
    }

    private static bool IsReference(ReadOnlySpan<char> text, bool iri, bool relativeAllowed)
    {
        var schemeLength = SchemeLength(text);
        var hasScheme = schemeLength > 0;
        if (!hasScheme && !relativeAllowed)
        {
            return false;
        }

        var rest = hasScheme ? text[(schemeLength + 1)..] : text;
        var pathEnd = rest.IndexOfAny('?', '#');
        var hierarchical = pathEnd < 0 ? rest : rest[..pathEnd];
        if (hierarchical.StartsWith("//"))
        {
            var authority = hierarchical[2..];
            var authorityEnd = authority.IndexOf('/');
            if (!IsAuthority(authorityEnd < 0 ? authority : authority[..authorityEnd], iri) ||
                !IsComponent(authorityEnd < 0 ? [] : authority[authorityEnd..], Part.Path, iri))
            {
                return false;
            }
        }
        else
        {
            // path-noscheme: in a relative reference, a colon in the first segment would read as a scheme.
            var firstSegmentEnd = hierarchical.IndexOf('/');
            var firstSegment = firstSegmentEnd < 0 ? hierarchical : hierarchical[..firstSegmentEnd];
            if ((!hasScheme && firstSegment.Contains(':')) || !IsComponent(hierarchical, Part.Path, iri))
            {
                return false;
            }
        }

        if (pathEnd < 0)
        {
            return true;
        }

        var tail = rest[pathEnd..];
        var fragmentStart = tail.IndexOf('#');
        if (tail[0] == '?' && !IsComponent(fragmentStart < 0 ? tail[1..] : tail[1..fragmentStart], Part.Query, iri))
        {
            return false;
        }

        return fragmentStart < 0 || IsComponent(tail[(fragmentStart + 1)..], Part.Fragment, iri);
    }

    /// <summary>The length of <c>scheme</c> when one is followed by <c>:</c>, else 0.</summary>
    private static int SchemeLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetter(text[0]))
        {
            return 0;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary><c>[ userinfo "@" ] host [ ":" port ]</c>.</summary>
    private static bool IsAuthority(ReadOnlySpan<char> authority, bool iri)
    {
        var at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!IsComponent(authority[..at], Part.UserInfo, iri))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> port;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IsIpLiteral(authority[1..close]))
            {
                return false;
            }

            port = authority[(close + 1)..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (!IsComponent(colon < 0 ? authority : authority[..colon], Part.Host, iri))
            {
                return false;
            }

            port = colon < 0 ? [] : authority[colon..];
        }

        return port.IsEmpty || (port[0] == ':' && port[1..].IndexOfAnyExceptInRange('0', '9') < 0);
    }

    /// <summary><c>IPv6address / IPvFuture</c>, IPvFuture being <c>"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )</c>.</summary>
    private static bool IsIpLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.Length == 0 || literal[0] is not ('v' or 'V'))
        {
            return IpFormats.IsIPv6(literal);
        }

        var dot = literal.IndexOf('.');
        if (dot < 2 || dot == literal.Length - 1 || literal[1..dot].IndexOfAnyExcept(HexDigits) >= 0)
        {
            return false;
        }

        foreach (var c in literal[(dot + 1)..])
        {
            if (!IsUnreserved(c) && !IsSubDelimiter(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> HexDigits => "0123456789ABCDEFabcdef";

    /// <summary>Whether every character may appear in the part: its ASCII set, percent-encodings and, in IRIs, ucschar.</summary>
    private static bool IsComponent(ReadOnlySpan<char> text, Part part, bool iri)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (!IsPercentEncoded(text, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (c >= 0x80)
            {
                if (!iri || !IsUcsChar(text, ref i, privateUse: part == Part.Query))
                {
                    return false;
                }
            }
            else if (!IsUnreserved(c) && !IsSubDelimiter(c) && !IsAllowedIn(c, part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllowedIn(char c, Part part) => part switch
    {
        Part.UserInfo => c == ':',
        Part.Host => false,
        Part.Path => c is ':' or '@' or '/',
        _ => c is ':' or '@' or '/' or '?',
    };

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelimiter(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsPercentEncoded(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]);

    /// <summary>
    /// RFC 3987 <c>ucschar</c> (and <c>iprivate</c> where allowed) at text[i]; moves past a surrogate pair.
    /// </summary>
    private static bool IsUcsChar(ReadOnlySpan<char> text, ref int i, bool privateUse)
    {
        int codePoint = text[i];
        if (char.IsSurrogate(text[i]))
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            codePoint = char.ConvertToUtf32(text[i], text[++i]);
        }

        if (codePoint is (>= 0xE000 and <= 0xF8FF) || (codePoint >= 0xF0000 && (codePoint & 0xFFFF) <= 0xFFFD))
        {
            return privateUse;
        }

        // ucschar: U+00A0 to U+D7FF, U+F900 to U+FDCF, U+FDF0 to U+FFEF, then planes 1 to 13 less their
        // last two code points (noncharacters), then U+E1000 to U+EFFFD (not the tags of U+E0000 up).
        return codePoint is (>= 0xA0 and <= 0xD7FF) or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFEF) ||
               (codePoint is (>= 0x10000 and <= 0xDFFFF) or (>= 0xE1000 and <= 0xEFFFF) && (codePoint & 0xFFFF) <= 0xFFFD);
    }
}
