using System.Globalization;

namespace ContractKit.Mocks.Generation.Strings;

/// <summary>
/// Realistic values for every format the validator enforces, written into a character buffer so a
/// record costs no string allocations: uuids are version 4, date-times fall in 2024–2025 with
/// milliseconds, emails and hosts use reserved example domains, addresses come from documentation
/// ranges only where that keeps them realistic.
/// </summary>
internal static class FormatValues
{
    /// <summary>Date-times and dates fall in [2024-01-01, 2026-01-01).</summary>
    public static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const long Span = 2 * 365 * TimeSpan.TicksPerDay;

    /// <summary>Buffer size that every format fits in.</summary>
    public const int MaxLength = 160;

    public static bool IsKnown(string format) => format is "date-time" or "date" or "time" or "duration" or "uuid" or "email" or "idn-email" or
        "uri" or "uri-reference" or "iri" or "iri-reference" or "uri-template" or "hostname" or "idn-hostname" or "ipv4" or "ipv6" or
        "json-pointer" or "relative-json-pointer" or "regex";

    /// <summary>Writes one value of <paramref name="format"/>; returns its length.</summary>
    public static int Write(string format, ref Prng rng, Span<char> buffer)
    {
        var text = new TextBuffer(buffer);
        switch (format)
        {
            case "date-time":
                text.DateTime(Epoch.AddTicks(rng.Between(0, Span / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond));
                break;
            case "date":
                text.Append(Epoch.AddDays(rng.Next(730)), "yyyy-MM-dd");
                break;
            case "time":
                text.Append(Epoch.AddSeconds(rng.Next(86400)), "HH:mm:ss");
                text.Append(rng.Next(4) switch { 0 => "+01:00", 1 => "-05:00", _ => "Z" });
                break;
            case "duration":
                Duration(ref text, ref rng);
                break;
            case "uuid":
                text.Uuid(rng.NextUInt64(), rng.NextUInt64());
                break;
            case "email":
                text.Append(Vocabulary.Pick(Vocabulary.FirstNames, ref rng)).Append('.').Append(Vocabulary.Pick(Vocabulary.LastNames, ref rng));
                text.Number(rng.Next(100)).Append('@').Append(Vocabulary.Pick(Vocabulary.Domains, ref rng));
                break;
            case "idn-email":
                text.Append(Vocabulary.Pick(Vocabulary.InternationalNames, ref rng)).Append('@').Append(Vocabulary.Pick(Vocabulary.InternationalDomains, ref rng));
                break;
            case "hostname":
                text.Append(Vocabulary.Pick(Vocabulary.Words, ref rng)).Append('.').Append(Vocabulary.Pick(Vocabulary.Domains, ref rng));
                break;
            case "idn-hostname":
                text.Append(Vocabulary.Pick(Vocabulary.InternationalDomains, ref rng));
                break;
            case "uri" or "iri":
                Url(ref text, ref rng, format == "iri");
                break;
            case "uri-reference" or "iri-reference":
                if (rng.Chance(0.5))
                {
                    Url(ref text, ref rng, format == "iri-reference");
                }
                else
                {
                    Path(ref text, ref rng, format == "iri-reference");
                }

                break;
            case "uri-template":
                text.Append("https://api.").Append(Vocabulary.Pick(Vocabulary.Domains, ref rng)).Append('/').Append(Vocabulary.Pick(Vocabulary.Words, ref rng));
                text.Append("/{id}").Append(rng.Chance(0.5) ? "{?page,limit}" : "");
                break;
            case "ipv4":
                text.Number(rng.Next(223) + 1).Append('.').Number(rng.Next(256)).Append('.').Number(rng.Next(256)).Append('.').Number(rng.Next(254) + 1);
                break;
            case "ipv6":
                text.Append("2001:db8");
                var groups = rng.Chance(0.5) ? 6 : 2;
                text.Append(groups == 6 ? ":" : "::");
                for (var i = 0; i < groups; i++)
                {
                    text.Hex((ulong)rng.Next(0x10000), 0).Append(i < groups - 1 ? ":" : "");
                }

                break;
            case "json-pointer":
                text.Append('/').Append(Vocabulary.Pick(Vocabulary.Words, ref rng)).Append('/').Number(rng.Next(10));
                break;
            case "relative-json-pointer":
                text.Number(rng.Next(3));
                text.Append(rng.Chance(0.3) ? "#" : "/" + Vocabulary.Pick(Vocabulary.Words, ref rng));
                break;
            case "regex":
                text.Append(Vocabulary.Pick(Vocabulary.Regexes, ref rng));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "no generator for this format");
        }

        return text.Length;
    }

    private static void Duration(ref TextBuffer text, ref Prng rng)
    {
        switch (rng.Next(5))
        {
            case 0:
                text.Append("PT").Number(rng.Next(59) + 1).Append('M');
                break;
            case 1:
                text.Append("PT").Number(rng.Next(23) + 1).Append('H').Number(rng.Next(59) + 1).Append('M');
                break;
            case 2:
                text.Append('P').Number(rng.Next(30) + 1).Append('D');
                break;
            case 3:
                text.Append('P').Number(rng.Next(6) + 1).Append("DT").Number(rng.Next(23) + 1).Append('H');
                break;
            default:
                text.Append('P').Number(rng.Next(8) + 1).Append('W');
                break;
        }
    }

    private static void Url(ref TextBuffer text, ref Prng rng, bool international)
    {
        text.Append("https://");
        text.Append(international && rng.Chance(0.5) ? Vocabulary.Pick(Vocabulary.InternationalDomains, ref rng) : "www." + Vocabulary.Pick(Vocabulary.Domains, ref rng));
        Path(ref text, ref rng, international);
        if (rng.Chance(0.3))
        {
            text.Append("?page=").Number(rng.Next(20) + 1);
        }
    }

    private static void Path(ref TextBuffer text, ref Prng rng, bool international)
    {
        var segments = rng.Next(3) + 1;
        for (var i = 0; i < segments; i++)
        {
            text.Append('/').Append(international && rng.Chance(0.3) ? Vocabulary.Pick(Vocabulary.InternationalWords, ref rng) : Vocabulary.Pick(Vocabulary.Words, ref rng));
        }
    }
}

/// <summary>A character span being filled, without allocating.</summary>
internal ref struct TextBuffer(Span<char> buffer)
{
    public readonly Span<char> Buffer = buffer;

    public int Length;
}

/// <summary>Appends to a <see cref="TextBuffer"/>; each returns the same buffer, so calls chain.</summary>
internal static class TextBufferExtensions
{
    public static ref TextBuffer Append(this ref TextBuffer text, char c)
    {
        text.Buffer[text.Length++] = c;
        return ref text;
    }

    public static ref TextBuffer Append(this ref TextBuffer text, ReadOnlySpan<char> value)
    {
        value.CopyTo(text.Buffer[text.Length..]);
        text.Length += value.Length;
        return ref text;
    }

    public static ref TextBuffer Append(this ref TextBuffer text, DateTime value, string format)
    {
        value.TryFormat(text.Buffer[text.Length..], out var written, format, CultureInfo.InvariantCulture);
        text.Length += written;
        return ref text;
    }

    public static ref TextBuffer Number(this ref TextBuffer text, long value)
    {
        value.TryFormat(text.Buffer[text.Length..], out var written, default, CultureInfo.InvariantCulture);
        text.Length += written;
        return ref text;
    }

    public static ref TextBuffer Hex(this ref TextBuffer text, ulong value, int digits)
    {
        value.TryFormat(text.Buffer[text.Length..], out var written, digits switch { 0 => "x", 4 => "x4", 8 => "x8", _ => "x12" }, CultureInfo.InvariantCulture);
        text.Length += written;
        return ref text;
    }

    /// <summary>RFC 3339 in UTC: seconds always, fractions only when there are any (trailing zeros cut).</summary>
    public static ref TextBuffer DateTime(this ref TextBuffer text, DateTime utc)
    {
        utc.TryFormat(text.Buffer[text.Length..], out var written, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        text.Length += written;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text.Append('.');
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            fraction.TryFormat(text.Buffer[text.Length..], out written, digits switch { 1 => "D1", 2 => "D2", 3 => "D3", 4 => "D4", 5 => "D5", 6 => "D6", _ => "D7" }, CultureInfo.InvariantCulture);
            text.Length += written;
        }

        return ref text.Append('Z');
    }

    /// <summary>A version 4, variant 1 uuid from 128 bits (6 of them overwritten).</summary>
    public static ref TextBuffer Uuid(this ref TextBuffer text, ulong high, ulong low)
    {
        high = (high & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL;
        low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
        text.Hex(high >> 32, 8).Append('-').Hex((high >> 16) & 0xFFFF, 4).Append('-').Hex(high & 0xFFFF, 4).Append('-');
        return ref text.Hex(low >> 48, 4).Append('-').Hex(low & 0xFFFFFFFFFFFFUL, 12);
    }
}
