namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>uuid</c> (RFC 9562 / RFC 4122 string form): 8-4-4-4-12 hexadecimal digits in either case.
/// Any version and variant nibble is accepted; no braces, no <c>urn:uuid:</c> prefix.
/// </summary>
internal static class UuidFormat
{
    /// <summary>Whether the text is a UUID.</summary>
    public static bool IsUuid(string value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? value[i] == '-' : char.IsAsciiHexDigit(value[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
