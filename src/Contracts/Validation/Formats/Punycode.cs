namespace ContractKit.Contracts.Validation.Formats;

/// <summary>Punycode (RFC 3492) with the IDNA parameters, into caller-provided buffers.</summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 0x80;

    /// <summary>
    /// Decodes the part of an A-label after <c>xn--</c>. False when the text is not Punycode, decodes
    /// to a surrogate or beyond U+10FFFF, or needs more than <paramref name="output"/>'s length.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> input, Span<int> output, out int length)
    {
        length = 0;
        var delimiter = input.LastIndexOf('-');
        for (var j = 0; j < delimiter; j++)
        {
            if (input[j] >= 0x80 || length == output.Length)
            {
                return false;
            }

            output[length++] = input[j];
        }

        // Decoding starts after the last delimiter only when basic code points came before it.
        var position = delimiter > 0 ? delimiter + 1 : 0;
        int n = InitialN, i = 0, bias = InitialBias;
        while (position < input.Length)
        {
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (position == input.Length)
                {
                    return false;
                }

                var digit = DigitValue(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return false;
                }

                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (Base - t))
                {
                    return false;
                }

                w *= Base - t;
            }

            bias = Adapt(i - oldI, length + 1, oldI == 0);
            if (i / (length + 1) > int.MaxValue - n)
            {
                return false;
            }

            n += i / (length + 1);
            i %= length + 1;
            if (n > 0x10FFFF || (n is >= 0xD800 and <= 0xDFFF) || length == output.Length)
            {
                return false;
            }

            output.Slice(i, length - i).CopyTo(output[(i + 1)..]);
            output[i++] = n;
            length++;
        }

        return true;
    }

    /// <summary>Encodes code points as Punycode (without <c>xn--</c>); false when <paramref name="output"/> is too short.</summary>
    public static bool TryEncode(ReadOnlySpan<int> input, Span<char> output, out int length)
    {
        length = 0;
        foreach (var codePoint in input)
        {
            if (codePoint < 0x80)
            {
                if (length == output.Length)
                {
                    return false;
                }

                output[length++] = (char)codePoint;
            }
        }

        var basic = length;
        var handled = basic;
        if (basic > 0)
        {
            if (length == output.Length)
            {
                return false;
            }

            output[length++] = '-';
        }

        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < input.Length)
        {
            var m = int.MaxValue;
            foreach (var codePoint in input)
            {
                if (codePoint >= n && codePoint < m)
                {
                    m = codePoint;
                }
            }

            if (m - n > (int.MaxValue - delta) / (handled + 1))
            {
                return false;
            }

            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var codePoint in input)
            {
                if (codePoint < n && ++delta == int.MaxValue)
                {
                    return false;
                }

                if (codePoint != n)
                {
                    continue;
                }

                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                    {
                        break;
                    }

                    if (length == output.Length)
                    {
                        return false;
                    }

                    output[length++] = DigitChar(t + ((q - t) % (Base - t)));
                    q = (q - t) / (Base - t);
                }

                if (length == output.Length)
                {
                    return false;
                }

                output[length++] = DigitChar(q);
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        return true;
    }

    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char DigitChar(int digit) => (char)(digit < 26 ? 'a' + digit : '0' + digit - 26);
}
