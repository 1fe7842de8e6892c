namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>ipv4</c> (RFC 2673 dotted-quad, as RFC 3986 <c>IPv4address</c>: no leading zeros, no
/// shorthand, hex or octal forms) and <c>ipv6</c> (RFC 4291 section 2.2 text forms, without zone
/// or prefix length). Shared with the URI and e-mail checkers for address literals.
/// </summary>
internal static class IpFormats
{
    /// <summary>Whether the text is a dotted-quad IPv4 address.</summary>
    public static bool IsIPv4(string value) => IsIPv4(value.AsSpan());

    /// <summary>Whether the text is an IPv6 address.</summary>
    public static bool IsIPv6(string value) => IsIPv6(value.AsSpan());

    /// <inheritdoc cref="IsIPv4(string)"/>
    public static bool IsIPv4(ReadOnlySpan<char> text)
    {
        var index = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0 && (index >= text.Length || text[index++] != '.'))
            {
                return false;
            }

            var start = index;
            var number = 0;
            while (index < text.Length && index - start < 4 && char.IsAsciiDigit(text[index]))
            {
                number = (number * 10) + (text[index++] - '0');
            }

            var length = index - start;
            if (length is 0 or > 3 || number > 255 || (length > 1 && text[start] == '0'))
            {
                return false;
            }
        }

        return index == text.Length;
    }

    /// <inheritdoc cref="IsIPv6(string)"/>
    public static bool IsIPv6(ReadOnlySpan<char> text)
    {
        var index = 0;
        var groups = 0;
        var compressed = false;
        if (text.StartsWith("::"))
        {
            compressed = true;
            index = 2;
            if (index == text.Length)
            {
                return true;
            }
        }

        while (true)
        {
            var start = index;
            while (index < text.Length && index - start < 5 && char.IsAsciiHexDigit(text[index]))
            {
                index++;
            }

            if (index < text.Length && text[index] == '.')
            {
                // The last 32 bits may be written as an IPv4 address.
                if (!IsIPv4(text[start..]))
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (index - start is 0 or > 4)
            {
                return false;
            }

            groups++;
            if (index == text.Length)
            {
                break;
            }

            if (text[index++] != ':' || index == text.Length)
            {
                return false;
            }

            if (text[index] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                if (++index == text.Length)
                {
                    break;
                }
            }
        }

        // "::" stands for at least one group of zeros.
        return compressed ? groups <= 7 : groups == 8;
    }
}
