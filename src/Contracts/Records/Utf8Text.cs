using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace ContractKit.Contracts.Records;

/// <summary>Checks and counts on UTF-8 bytes, vectorised where the runtime offers it.</summary>
internal static class Utf8Text
{
    /// <summary>JSON's insignificant whitespace.</summary>
    public static readonly SearchValues<byte> JsonWhitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>Whitespace within one line.</summary>
    public static readonly SearchValues<byte> LineWhitespace = SearchValues.Create(" \t\r"u8);

    /// <summary>What a value is trimmed of before it is read as a number or boolean.</summary>
    public static readonly SearchValues<byte> ValuePadding = SearchValues.Create(" \t"u8);

    /// <summary>
    /// The index of the byte that makes <paramref name="bytes"/> not text: the first NUL (a NUL
    /// anywhere means a binary file, whatever comes before it), else the first invalid UTF-8 byte.
    /// </summary>
    /// <returns>-1 when the bytes are UTF-8 text.</returns>
    public static int FindNonText(ReadOnlySpan<byte> bytes, out bool binary)
    {
        var nul = bytes.IndexOf((byte)0);
        binary = nul >= 0;
        if (binary)
        {
            return nul;
        }

        return Utf8.IsValid(bytes) ? -1 : FirstInvalid(bytes);
    }

    /// <summary>How many characters (code points) the UTF-8 bytes hold; each invalid sequence counts as one, as an editor shows it.</summary>
    public static long CountChars(ReadOnlySpan<byte> bytes)
    {
        if (Ascii.IsValid(bytes))
        {
            return bytes.Length;
        }

        if (Utf8.IsValid(bytes))
        {
            // Continuation bytes (10xxxxxx, below -64 as signed bytes) do not start a character.
            return bytes.Length - CountContinuationBytes(bytes);
        }

        long chars = 0;
        while (!bytes.IsEmpty)
        {
            Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            bytes = bytes[Math.Max(consumed, 1)..];
            chars++;
        }

        return chars;
    }

    private static int CountContinuationBytes(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var signed = MemoryMarshal.Cast<byte, sbyte>(bytes);
            var limit = Vector128.Create((sbyte)-64);
            for (; i + Vector128<sbyte>.Count <= signed.Length; i += Vector128<sbyte>.Count)
            {
                var lanes = Vector128.LessThan(Vector128.Create(signed.Slice(i, Vector128<sbyte>.Count)), limit);
                count += BitOperations.PopCount(lanes.ExtractMostSignificantBits());
            }
        }

        for (; i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) == 0x80)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/> inside <paramref name="bytes"/>, counted from (<paramref name="line"/>, <paramref name="column"/>) at its start.</summary>
    public static (long Line, long Column) PositionOf(ReadOnlySpan<byte> bytes, int offset, long line, long column)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var lastNewline = before.LastIndexOf((byte)'\n');
        if (lastNewline < 0)
        {
            return (line, column + CountChars(before));
        }

        return (line + before.Count((byte)'\n'), 1 + CountChars(before[(lastNewline + 1)..]));
    }

    /// <summary>The value without surrounding spaces and tabs.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = value.IndexOfAnyExcept(ValuePadding);
        if (start < 0)
        {
            return [];
        }

        var end = value.LastIndexOfAnyExcept(ValuePadding);
        return value[start..(end + 1)];
    }

    /// <summary>True when the bytes are exactly one JSON number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<byte> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit((char)text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(text, i);
        }

        if (i < text.Length && text[i] == '.')
        {
            var next = SkipDigits(text, i + 1);
            if (next == i + 1)
            {
                return false;
            }

            i = next;
        }

        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            i++;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var next = SkipDigits(text, i);
            if (next == i)
            {
                return false;
            }

            i = next;
        }

        return i == text.Length;
    }

    private static int SkipDigits(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }

        return i;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }
}
