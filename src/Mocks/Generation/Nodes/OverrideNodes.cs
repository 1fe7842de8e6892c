using System.Text.Json;
using ContractKit.Mocks.Generation.Strings;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>The event-time field: the caller's time when given (RFC 3339, UTC), else a generated one.</summary>
internal sealed class EventTimeNode(Node generated) : Node
{
    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        if (context.Overrides?.EventTime is not { } time)
        {
            generated.Write(writer, ref rng, context);
            return;
        }

        WriteTime(writer, time);
    }

    public static void WriteTime(Utf8JsonWriter writer, DateTimeOffset time)
    {
        Span<char> buffer = stackalloc char[40];
        var text = new TextBuffer(buffer);
        text.DateTime(time.UtcDateTime);
        writer.WriteStringValue(buffer[..text.Length]);
    }
}

/// <summary>How a key field turns the caller's sequence number into a value unique to it.</summary>
internal abstract class KeyEncoder
{
    public abstract void Write(Utf8JsonWriter writer, long sequence);

    protected static ArgumentOutOfRangeException TooLarge(long sequence, string why) =>
        new(nameof(sequence), sequence, "the key sequence is too large: " + why);
}

/// <summary>A version 4 uuid that encodes the sequence bijectively (64 of its 122 random bits).</summary>
internal sealed class UuidKey : KeyEncoder
{
    public override void Write(Utf8JsonWriter writer, long sequence)
    {
        var mixed = Prng.Mix((ulong)sequence + 0x9E3779B97F4A7C15); // Mix(0) is 0
        var noise = Prng.Mix(mixed ^ 0x5DEECE66DUL);
        Span<char> buffer = stackalloc char[36];
        var text = new TextBuffer(buffer);
        text.Uuid((noise & ~0xFFFUL) | (mixed & 0xFFF), (mixed >> 12) | (noise << 52));
        writer.WriteStringValue(buffer);
    }
}

/// <summary>first + sequence × step, within the schema's bounds.</summary>
internal sealed class NumberKey(NumberNode range) : KeyEncoder
{
    public override void Write(Utf8JsonWriter writer, long sequence)
    {
        var k = range.First + sequence;
        if (k > range.Limit)
        {
            throw TooLarge(sequence, $"the key field allows {range.Limit - range.First + 1} values");
        }

        writer.WriteNumberValue(k * range.Step);
    }
}

/// <summary>The sequence's decimal digits, zero-padded to the minimum length.</summary>
internal sealed class DigitsKey(int minLength, int maxLength) : KeyEncoder
{
    public override void Write(Utf8JsonWriter writer, long sequence)
    {
        Span<char> buffer = stackalloc char[Math.Max(20, minLength)];
        sequence.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        var length = Math.Max(written, minLength);
        if (length > maxLength)
        {
            throw TooLarge(sequence, $"its digits do not fit the key field's maxLength {maxLength}");
        }

        buffer[..written].CopyTo(buffer[(length - written)..]);
        buffer[..(length - written)].Fill('0');
        writer.WriteStringValue(buffer[..length]);
    }
}

/// <summary>The sequence-th string of the key field's pattern, in length-then-character order.</summary>
internal sealed class PatternKey(StringAutomaton automaton, int minLength, int maxLength) : KeyEncoder
{
    public override void Write(Utf8JsonWriter writer, long sequence) =>
        writer.WriteStringValue(automaton.Unrank((ulong)sequence, minLength, maxLength)
            ?? throw TooLarge(sequence, "the key field's pattern has fewer strings than that"));
}

/// <summary>A value of a format with the sequence in it (user42@example.com, https://www.example.com/items/42).</summary>
internal sealed class FormattedKey(string format) : KeyEncoder
{
    public static bool Supports(string format) => format is "email" or "idn-email" or "hostname" or "idn-hostname" or "uri" or "iri" or "uri-reference" or "iri-reference";

    public override void Write(Utf8JsonWriter writer, long sequence)
    {
        var number = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(format switch
        {
            "email" or "idn-email" => "user" + number + "@example.com",
            "hostname" or "idn-hostname" => "host-" + number + ".example.com",
            _ => "https://www.example.com/items/" + number,
        });
    }
}

/// <summary>A key field: the value derived from the caller's sequence number when given, else a generated one.</summary>
internal sealed class KeyNode(Node generated, KeyEncoder encoder) : Node
{
    public KeyEncoder Encoder { get; } = encoder;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        if (context.Overrides?.KeySequence is { } sequence)
        {
            Encoder.Write(writer, sequence);
        }
        else
        {
            generated.Write(writer, ref rng, context);
        }
    }
}
