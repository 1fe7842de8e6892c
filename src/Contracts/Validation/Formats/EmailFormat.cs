using System.Text;

namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>email</c> (RFC 5321 section 4.1.2 <c>Mailbox</c>) and <c>idn-email</c> (the same with RFC 6531's
/// UTF-8 extension: non-ASCII characters in atoms and quoted strings, U-labels in the domain). A
/// dot-string or quoted local part of at most 64 octets (UTF-8), then <c>@</c>, then a host name or
/// an address literal: <c>[IPv4]</c> or <c>[IPv6:…]</c>. No comments, no display names, no folding.
/// </summary>
internal static class EmailFormat
{
    private const int MaxLocalPartOctets = 64;

    /// <summary>Whether the text is an e-mail address.</summary>
    public static bool IsEmail(string value) => IsMailbox(value, international: false);

    /// <summary>Whether the text is an internationalized e-mail address.</summary>
    public static bool IsIdnEmail(string value) => IsMailbox(value, international: true);

    private static bool IsMailbox(ReadOnlySpan<char> text, bool international)
    {
        var at = text.Length > 0 && text[0] == '"' ? QuotedStringEnd(text, international) : DotStringEnd(text, international);
        if (at <= 0 || at >= text.Length || text[at] != '@' || Utf8Length(text[..at]) > MaxLocalPartOctets)
        {
            return false;
        }

        var domain = text[(at + 1)..];
        if (domain is ['[', .. var literal, ']'])
        {
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
                ? IpFormats.IsIPv6(literal[5..])
                : IpFormats.IsIPv4(literal);
        }

        return international ? HostnameFormat.IsIdnHostname(domain) : HostnameFormat.IsHostname(domain);
    }

    /// <summary>Where a <c>Dot-string</c> (atoms joined by single dots) ends; -1 if it is malformed.</summary>
    private static int DotStringEnd(ReadOnlySpan<char> text, bool international)
    {
        var i = 0;
        var atomStart = 0;
        for (; i < text.Length && text[i] != '@'; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (i == atomStart)
                {
                    return -1;
                }

                atomStart = i + 1;
            }
            else if (!IsAtext(c) && !(international && IsNonAscii(text, ref i)))
            {
                return -1;
            }
        }

        return i == atomStart ? -1 : i;
    }

    /// <summary>Where a <c>Quoted-string</c> ends (the index after its closing quote); -1 if it is malformed.</summary>
    private static int QuotedStringEnd(ReadOnlySpan<char> text, bool international)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\')
            {
                // quoted-pairSMTP: a backslash and any printable ASCII character or space.
                if (++i == text.Length || text[i] is < ' ' or > '~')
                {
                    return -1;
                }
            }
            else if (c is < ' ' or > '~' && !(international && IsNonAscii(text, ref i)))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or
            '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    /// <summary>Whether text[i] starts a non-ASCII character (RFC 6532 UTF8-non-ascii); moves past a surrogate pair.</summary>
    private static bool IsNonAscii(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return false;
        }

        if (!char.IsSurrogate(c))
        {
            return true;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i++;
            return true;
        }

        return false;
    }

    private static int Utf8Length(ReadOnlySpan<char> text) =>
        Ascii.IsValid(text) ? text.Length : Encoding.UTF8.GetByteCount(text);
}
