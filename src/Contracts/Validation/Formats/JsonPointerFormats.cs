namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>json-pointer</c> (RFC 6901) and <c>relative-json-pointer</c>
/// (draft-handrews-relative-json-pointer-01, the one JSON Schema 2020-12 cites).
/// </summary>
internal static class JsonPointerFormats
{
    /// <summary>Empty, or <c>/</c>-prefixed reference tokens in which <c>~</c> is always <c>~0</c> or <c>~1</c>.</summary>
    public static bool IsJsonPointer(string value) => IsPointer(value);

    /// <summary>A non-negative integer without leading zeros, then <c>#</c> or a JSON pointer.</summary>
    public static bool IsRelativeJsonPointer(string value)
    {
        var text = value.AsSpan();
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || (digits > 1 && text[0] == '0'))
        {
            return false;
        }

        var rest = text[digits..];
        return rest is "#" || IsPointer(rest);
    }

    private static bool IsPointer(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        if (text[0] != '/')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '~' && (++i == text.Length || text[i] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }
}
