namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// IDNA2008 label checks: a U-label's code points (RFC 5891 section 4.2.3, RFC 5892 with its
/// Appendix A contextual rules) and the Bidi rule (RFC 5893 section 2). No mapping (UTS #46): a
/// label must already be in the form IDNA2008 registers, so upper-case letters beside non-ASCII
/// ones are rejected. Labels are not required to be in NFC.
/// </summary>
internal static class Idna
{
    /// <summary>Longest label in octets, as an A-label or LDH label (RFC 1034 section 3.1).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>A label has at most this many code points: its A-label needs four more characters.</summary>
    public const int MaxCodePoints = MaxLabelLength - 4;

    private const int MiddleDot = 0x00B7;
    private const int GreekKeraia = 0x0375;
    private const int HebrewGeresh = 0x05F3;
    private const int HebrewGershayim = 0x05F4;
    private const int KatakanaMiddleDot = 0x30FB;
    private const int ZeroWidthNonJoiner = 0x200C;

    /// <summary>What the Bidi rule needs to know of a label once it is known to be valid.</summary>
    /// <param name="IsRightToLeft">It has a character of Bidi class R, AL or AN (RFC 5893 section 1.4).</param>
    /// <param name="SatisfiesBidiRule">It meets the six conditions of RFC 5893 section 2.</param>
    public readonly record struct Direction(bool IsRightToLeft, bool SatisfiesBidiRule);

    /// <summary>
    /// Whether an ASCII label that starts with <c>xn--</c> (any case) is an A-label: valid Punycode that
    /// decodes to a valid U-label with at least one non-ASCII character and encodes back to itself.
    /// </summary>
    public static bool IsALabel(ReadOnlySpan<char> label, out Direction direction)
    {
        direction = default;
        Span<int> codePoints = stackalloc int[MaxLabelLength];
        if (!Punycode.TryDecode(label[4..], codePoints, out var count))
        {
            return false;
        }

        var decoded = codePoints[..count];
        if (decoded.IndexOfAnyInRange(0x80, 0x10FFFF) < 0 || !IsULabel(decoded, out direction))
        {
            return false;
        }

        Span<char> encoded = stackalloc char[MaxLabelLength];
        return Punycode.TryEncode(decoded, encoded, out var length) &&
               label[4..].Equals(encoded[..length], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether code points form a valid U-label, leaving out length (the caller measures the
    /// A-label): the hyphen rules, no leading mark, every code point PVALID or meeting its context rule.
    /// </summary>
    public static bool IsULabel(ReadOnlySpan<int> label, out Direction direction)
    {
        direction = default;
        if (label.IsEmpty || label[0] == '-' || label[^1] == '-' ||
            (label.Length >= 4 && label[2] == '-' && label[3] == '-') ||
            IdnaAttributes.Of(label[0]).IsMark)
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            var valid = IdnaAttributes.Of(label[i]).Property switch
            {
                IdnaProperty.Valid => true,
                IdnaProperty.ContextJ => IsJoinerAllowed(label, i),
                IdnaProperty.ContextO => IsContextOAllowed(label, i),
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        direction = CheckBidi(label);
        return true;
    }

    /// <summary>The Bidi rule for an LDH label (ASCII letters, digits and hyphens, any case).</summary>
    public static Direction AsciiDirection(ReadOnlySpan<char> label) =>
        // Letters are L, digits EN and hyphens ES; an LDH label never ends with a hyphen, so only
        // the first character can break the rule.
        new(false, char.IsAsciiLetter(label[0]));

    private static bool IsJoinerAllowed(ReadOnlySpan<int> label, int index)
    {
        if (index > 0 && IdnaAttributes.Of(label[index - 1]).IsVirama)
        {
            return true;
        }

        if (label[index] != ZeroWidthNonJoiner)
        {
            return false;
        }

        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        var before = index - 1;
        while (before >= 0 && IdnaAttributes.Of(label[before]).Joining == JoiningType.Transparent)
        {
            before--;
        }

        var after = index + 1;
        while (after < label.Length && IdnaAttributes.Of(label[after]).Joining == JoiningType.Transparent)
        {
            after++;
        }

        return before >= 0 && after < label.Length &&
               IdnaAttributes.Of(label[before]).Joining is JoiningType.Left or JoiningType.Dual &&
               IdnaAttributes.Of(label[after]).Joining is JoiningType.Right or JoiningType.Dual;
    }

    private static bool IsContextOAllowed(ReadOnlySpan<int> label, int index)
    {
        var codePoint = label[index];
        switch (codePoint)
        {
            case MiddleDot:
                return index > 0 && index + 1 < label.Length && label[index - 1] == 'l' && label[index + 1] == 'l';
            case GreekKeraia:
                return index + 1 < label.Length && IdnaAttributes.Of(label[index + 1]).Script == IdnaScript.Greek;
            case HebrewGeresh or HebrewGershayim:
                return index > 0 && IdnaAttributes.Of(label[index - 1]).Script == IdnaScript.Hebrew;
            case KatakanaMiddleDot:
                foreach (var other in label)
                {
                    if (IdnaAttributes.Of(other).Script is IdnaScript.Hiragana or IdnaScript.Katakana or IdnaScript.Han)
                    {
                        return true;
                    }
                }

                return false;
            case >= 0x0660 and <= 0x0669:
                // ARABIC-INDIC DIGITS: no EXTENDED ARABIC-INDIC DIGIT in the same label.
                return label.IndexOfAnyInRange(0x06F0, 0x06F9) < 0;
            case >= 0x06F0 and <= 0x06F9:
                return label.IndexOfAnyInRange(0x0660, 0x0669) < 0;
            default:
                return false;
        }
    }

    private static Direction CheckBidi(ReadOnlySpan<int> label)
    {
        var isRightToLeft = false;
        var hasEuropeanNumber = false;
        var hasArabicNumber = false;
        foreach (var codePoint in label)
        {
            var bidi = IdnaAttributes.Of(codePoint).Bidi;
            isRightToLeft |= bidi is BidiClass.R or BidiClass.AL or BidiClass.AN;
            hasEuropeanNumber |= bidi == BidiClass.EN;
            hasArabicNumber |= bidi == BidiClass.AN;
        }

        var first = IdnaAttributes.Of(label[0]).Bidi;
        var last = label.Length - 1;
        while (last > 0 && IdnaAttributes.Of(label[last]).Bidi == BidiClass.NSM)
        {
            last--;
        }

        var end = IdnaAttributes.Of(label[last]).Bidi;
        bool satisfied;
        if (first is BidiClass.R or BidiClass.AL)
        {
            // Rules 2 to 4: right-to-left labels.
            satisfied = AllOf(label, rightToLeft: true) && end is BidiClass.R or BidiClass.AL or BidiClass.EN or BidiClass.AN &&
                        !(hasEuropeanNumber && hasArabicNumber);
        }
        else if (first == BidiClass.L)
        {
            // Rules 5 and 6: left-to-right labels.
            satisfied = AllOf(label, rightToLeft: false) && end is BidiClass.L or BidiClass.EN;
        }
        else
        {
            satisfied = false; // Rule 1.
        }

        return new Direction(isRightToLeft, satisfied);
    }

    private static bool AllOf(ReadOnlySpan<int> label, bool rightToLeft)
    {
        foreach (var codePoint in label)
        {
            var allowed = IdnaAttributes.Of(codePoint).Bidi switch
            {
                BidiClass.EN or BidiClass.ES or BidiClass.CS or BidiClass.ET or BidiClass.ON or BidiClass.BN or BidiClass.NSM => true,
                BidiClass.R or BidiClass.AL or BidiClass.AN => rightToLeft,
                BidiClass.L => !rightToLeft,
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
