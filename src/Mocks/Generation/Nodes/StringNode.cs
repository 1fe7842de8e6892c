using System.Text.Json;
using ContractKit.Mocks.Generation.Strings;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>Plain text of words, cut to a length between the minimum and a realistic cap.</summary>
/// <param name="minLength">The schema's minLength.</param>
/// <param name="drawMax">The longest text drawn (a realistic cap within maxLength).</param>
/// <param name="maxLength">The schema's maxLength (int.MaxValue when none).</param>
internal sealed class TextNode(int minLength, int drawMax, int maxLength) : Node
{
    public int MinLength { get; } = minLength;

    public int MaxLength { get; } = maxLength;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        var preferredMin = Math.Min(drawMax, Math.Max(MinLength, 4));
        var length = (int)rng.Between(preferredMin, drawMax);
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        // Whole words while they fit; a cut word only to reach the minimum.
        var filled = 0;
        while (filled < length)
        {
            var word = Vocabulary.Pick(Vocabulary.Words, ref rng).AsSpan();
            var separator = filled == 0 ? 0 : 1;
            if (filled + separator + word.Length > length)
            {
                if (filled >= MinLength && filled > 0)
                {
                    break;
                }

                word = word[..Math.Min(word.Length, length - filled - separator)];
            }

            if (separator == 1)
            {
                buffer[filled++] = ' ';
            }

            word.CopyTo(buffer[filled..]);
            filled += word.Length;
        }

        writer.WriteStringValue(buffer[..filled]);
    }
}

/// <summary>A value of a format (date-time, uuid, email…).</summary>
internal sealed class FormatNode(string format) : Node
{
    public string Format { get; } = format;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        Span<char> buffer = stackalloc char[FormatValues.MaxLength];
        var length = FormatValues.Write(Format, ref rng, buffer);
        writer.WriteStringValue(buffer[..length]);
    }
}

/// <summary>A string of a pattern's language (several patterns: their intersection), its length in bounds.</summary>
internal sealed class PatternNode(StringAutomaton automaton, int minLength, int maxLength, int preferredMax, string location) : Node
{
    /// <summary>Walks before giving up; a walk only fails in rare dead ends of length-bounded languages.</summary>
    private const int Attempts = 100;

    public StringAutomaton Automaton { get; } = automaton;

    public int MinLength { get; } = minLength;

    public int MaxLength { get; } = maxLength;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        var capacity = (int)Math.Min(MaxLength, (long)preferredMax + Automaton.LongestWayHome + 1);
        Span<char> buffer = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        var low = Math.Max(MinLength, Automaton.ShortestLength ?? 0);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var preferred = (int)rng.Between(low, Math.Max(low, preferredMax));
            var length = Automaton.Walk(ref rng, MinLength, MaxLength, preferred, buffer);
            if (length >= 0)
            {
                writer.WriteStringValue(buffer[..length]);
                return;
            }
        }

        throw new GenerationException(location, $"no string of the pattern's language within the length bounds was found in {Attempts} walks");
    }
}
