using System.Buffers;
using System.Text;

namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>hostname</c> (RFC 1123 section 2.1: LDH labels of 1 to 63 octets, at most 253 in all, no
/// trailing dot; a label starting <c>xn--</c> must be a valid A-label, RFC 5890) and
/// <c>idn-hostname</c> (RFC 5890 section 2.3.2.3: labels may also be U-labels, and the full stops
/// U+3002, U+FF0E and U+FF61 separate labels as <c>.</c> does, RFC 3490 section 3.1). Lengths count
/// the A-label form. The Bidi rule (RFC 5893) applies to every label once one is right-to-left.
/// </summary>
internal static class HostnameFormat
{
    private const int MaxNameLength = 253;

    private static readonly SearchValues<char> IdnSeparators = SearchValues.Create(".\u3002\uFF0E\uFF61");

    /// <summary>Whether the text is an ASCII host name.</summary>
    public static bool IsHostname(string value) => IsHostname(value.AsSpan());

    /// <summary>Whether the text is an internationalized host name.</summary>
    public static bool IsIdnHostname(string value) => IsIdnHostname(value.AsSpan());

    /// <inheritdoc cref="IsHostname(string)"/>
    public static bool IsHostname(ReadOnlySpan<char> text) => IsDomain(text, international: false);

    /// <inheritdoc cref="IsIdnHostname(string)"/>
    public static bool IsIdnHostname(ReadOnlySpan<char> text) => IsDomain(text, international: true);

    private static bool IsDomain(ReadOnlySpan<char> text, bool international)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var length = -1;
        var rightToLeft = false;
        var bidiRuleHolds = true;
        while (true)
        {
            var end = international ? text.IndexOfAny(IdnSeparators) : text.IndexOf('.');
            var label = end < 0 ? text : text[..end];
            if (!IsLabel(label, international, out var labelLength, out var direction))
            {
                return false;
            }

            length += labelLength + 1;
            rightToLeft |= direction.IsRightToLeft;
            bidiRuleHolds &= direction.SatisfiesBidiRule;
            if (end < 0)
            {
                break;
            }

            text = text[(end + 1)..];
        }

        // RFC 5893: in a name with a right-to-left label, every label must satisfy the Bidi rule.
        return length <= MaxNameLength && (!rightToLeft || bidiRuleHolds);
    }

    private static bool IsLabel(ReadOnlySpan<char> label, bool international, out int length, out Idna.Direction direction)
    {
        length = label.Length;
        direction = default;
        if (label.IsEmpty)
        {
            return false;
        }

        if (!Ascii.IsValid(label))
        {
            return international && IsULabel(label, out length, out direction);
        }

        if (label.Length > Idna.MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return Idna.IsALabel(label, out direction);
        }

        direction = Idna.AsciiDirection(label);
        return true;
    }

    private static bool IsULabel(ReadOnlySpan<char> label, out int length, out Idna.Direction direction)
    {
        length = 0;
        direction = default;
        Span<int> codePoints = stackalloc int[Idna.MaxCodePoints];
        var count = 0;
        for (var i = 0; i < label.Length; i++)
        {
            if (count == codePoints.Length)
            {
                return false;
            }

            int codePoint = label[i];
            if (char.IsHighSurrogate(label[i]) && i + 1 < label.Length && char.IsLowSurrogate(label[i + 1]))
            {
                codePoint = char.ConvertToUtf32(label[i], label[++i]);
            }
            else if (char.IsSurrogate(label[i]))
            {
                return false;
            }

            codePoints[count++] = codePoint;
        }

        var decoded = codePoints[..count];
        Span<char> encoded = stackalloc char[Idna.MaxCodePoints];
        if (!Idna.IsULabel(decoded, out direction) || !Punycode.TryEncode(decoded, encoded, out var encodedLength))
        {
            return false;
        }

        length = 4 + encodedLength;
        return true;
    }
}
