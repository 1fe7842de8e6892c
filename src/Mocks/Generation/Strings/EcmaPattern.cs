using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Fare;

namespace ContractKit.Mocks.Generation.Strings;

/// <summary>A pattern construct that has no finite-automaton reading (lookaround, backreference, \b).</summary>
internal sealed class UnsupportedPatternException(string message) : Exception(message);

/// <summary>
/// Reads a JSON Schema <c>pattern</c> (an ECMA-262 regular expression) and rewrites it in the syntax of
/// Fare (dk.brics.automaton), whose automata the generator walks. ECMA's shorthands (<c>\d \w \s</c>),
/// control escapes, <c>.</c>, negated classes and Unicode general categories become explicit character
/// ranges; <c>(?:</c> and named groups become plain groups; lazy quantifiers are the same language;
/// <c>^</c> and <c>$</c> are dropped, since a string of the pattern's language matches the pattern
/// wherever the anchors stand at its ends. Every literal is escaped, so Fare's own operators
/// (<c>&amp; ~ # @ " &lt; &gt;</c>) are never read by accident. Lookarounds, backreferences and word
/// boundaries have no automaton: they raise <see cref="UnsupportedPatternException"/>.
/// </summary>
internal sealed class EcmaPattern
{
    private const char LastBmp = '\uFFFF';

    // Surrogates never stand alone in generated text.
    private static readonly (char Lo, char Hi)[] Everything = [('\0', '\uD7FF'), ('\uE000', LastBmp)];
    private static readonly (char, char)[] Digits = [('0', '9')];
    private static readonly (char, char)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private static readonly (char, char)[] Space =
    [
        ('\t', '\r'), (' ', ' '), ('\u00A0', '\u00A0'), ('\u1680', '\u1680'), ('\u2000', '\u200A'), ('\u2028', '\u2029'),
        ('\u202F', '\u202F'), ('\u205F', '\u205F'), ('\u3000', '\u3000'), ('\uFEFF', '\uFEFF'),
    ];

    private static readonly (char, char)[] LineTerminators = [('\n', '\n'), ('\r', '\r'), ('\u2028', '\u2029')];

    private readonly string _pattern;
    private int _position;

    private EcmaPattern(string pattern) => _pattern = pattern;

    /// <summary>The Fare automaton of <paramref name="pattern"/>'s language (minimal, deterministic).</summary>
    /// <param name="pattern">The ECMA-262 pattern.</param>
    /// <param name="unanchoredEnds">True to let unanchored ends take any text, as a search would.</param>
    public static Automaton ToAutomaton(string pattern, bool unanchoredEnds)
    {
        var text = Translate(pattern);
        Automaton automaton;
        try
        {
            automaton = new RegExp(text, RegExpSyntaxOptions.Empty).ToAutomaton();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new UnsupportedPatternException($"the automaton library could not read its translation ({e.Message})");
        }

        if (!unanchoredEnds)
        {
            return automaton;
        }

        if (!pattern.StartsWith('^'))
        {
            automaton = BasicOperations.Concatenate(BasicAutomata.MakeAnyString(), automaton);
        }

        if (!EndsWithAnchor(pattern))
        {
            automaton = BasicOperations.Concatenate(automaton, BasicAutomata.MakeAnyString());
        }

        automaton.Minimize();
        return automaton;
    }

    /// <summary>The pattern in Fare's syntax.</summary>
    public static string Translate(string pattern)
    {
        var parser = new EcmaPattern(pattern);
        var result = parser.Disjunction();
        if (parser._position < pattern.Length)
        {
            throw new UnsupportedPatternException($"unbalanced ')' at offset {parser._position}");
        }

        return result;
    }

    private static bool EndsWithAnchor(string pattern)
    {
        if (!pattern.EndsWith('$'))
        {
            return false;
        }

        var backslashes = 0;
        for (var i = pattern.Length - 2; i >= 0 && pattern[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 0;
    }

    private bool More => _position < _pattern.Length;

    private char Peek => _pattern[_position];

    private bool Next(string text) => string.CompareOrdinal(_pattern, _position, text, 0, text.Length) == 0;

    private string Disjunction()
    {
        var alternatives = new List<string> { Alternative() };
        while (More && Peek == '|')
        {
            _position++;
            alternatives.Add(Alternative());
        }

        return alternatives.Count == 1 ? alternatives[0] : "(" + string.Join('|', alternatives) + ")";
    }

    private string Alternative()
    {
        var terms = new StringBuilder();
        while (More && Peek is not ('|' or ')'))
        {
            terms.Append(Term());
        }

        // Fare reads "()" as the empty string; an empty alternative would swallow the next '|'.
        return terms.Length == 0 ? "()" : terms.ToString();
    }

    private string Term()
    {
        var c = Peek;
        if (c is '^' or '$')
        {
            _position++;
            return "";
        }

        if (Next(@"\b") || Next(@"\B"))
        {
            throw new UnsupportedPatternException($"the word boundary '{_pattern.Substring(_position, 2)}' has no automaton");
        }

        string atom;
        if (c == '(')
        {
            atom = Group();
        }
        else if (c == '.')
        {
            _position++;
            atom = Class(Subtract(Everything, LineTerminators));
        }
        else if (c == '[')
        {
            atom = Class(ClassBody());
        }
        else if (c == '\\')
        {
            atom = Escape();
        }
        else if (c is '*' or '+' or '?')
        {
            throw new UnsupportedPatternException($"'{c}' at offset {_position} quantifies nothing");
        }
        else if (c == '{' && TryQuantifier(out _))
        {
            throw new UnsupportedPatternException($"'{{' at offset {_position} quantifies nothing");
        }
        else
        {
            atom = Literal();
        }

        if (!More)
        {
            return atom;
        }

        var start = _position;
        if (Peek is '*' or '+' or '?')
        {
            _position++;
        }
        else if (Peek != '{' || !TryQuantifier(out _position))
        {
            return atom;
        }

        var quantifier = _pattern[start.._position];
        if (More && Peek == '?')
        {
            _position++; // lazy: the same language
        }

        return "(" + atom + ")" + quantifier;
    }

    // {n}, {n,}, {n,m}; anything else is a literal '{' (Annex B).
    private bool TryQuantifier(out int end)
    {
        end = _position;
        var i = _position + 1;
        var digits = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        if (i < _pattern.Length && _pattern[i] == ',')
        {
            i++;
            while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
            {
                i++;
            }
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        end = i + 1;
        return true;
    }

    private string Group()
    {
        var start = _position;
        _position++;
        if (Next("?=") || Next("?!") || Next("?<=") || Next("?<!"))
        {
            throw new UnsupportedPatternException($"the lookaround at offset {start} has no automaton");
        }

        if (Next("?:"))
        {
            _position += 2;
        }
        else if (Next("?<"))
        {
            var close = _pattern.IndexOf('>', _position);
            _position = close < 0 ? _pattern.Length : close + 1;
        }
        else if (More && Peek == '?')
        {
            throw new UnsupportedPatternException($"the group modifier at offset {start} is not ECMA-262");
        }

        var inner = Disjunction();
        if (!More || Peek != ')')
        {
            throw new UnsupportedPatternException($"the group at offset {start} is not closed");
        }

        _position++;
        return "(" + inner + ")";
    }

    private string Literal()
    {
        var c = _pattern[_position++];
        if (char.IsHighSurrogate(c) && More && char.IsLowSurrogate(Peek))
        {
            // One code point: a quantifier takes both halves.
            return "(" + Escaped(c) + Escaped(_pattern[_position++]) + ")";
        }

        return Escaped(c);
    }

    private string Escape()
    {
        var start = _position;
        _position++;
        if (!More)
        {
            throw new UnsupportedPatternException("the pattern ends with a lone backslash");
        }

        var c = Peek;
        if (c is >= '1' and <= '9' || (c == 'k' && _position + 1 < _pattern.Length && _pattern[_position + 1] == '<'))
        {
            throw new UnsupportedPatternException($"the backreference at offset {start} has no automaton");
        }

        if (ClassEscape() is { } ranges)
        {
            return Class(ranges);
        }

        var code = CharacterEscape();
        return code > LastBmp
            ? "(" + Escaped(char.ConvertFromUtf32(code)[0]) + Escaped(char.ConvertFromUtf32(code)[1]) + ")"
            : Escaped((char)code);
    }

    // \d \D \w \W \s \S \p{…} \P{…}; the position is after the backslash. Null for other escapes.
    private List<(char Lo, char Hi)>? ClassEscape()
    {
        var c = Peek;
        List<(char, char)>? ranges = c switch
        {
            'd' => [.. Digits],
            'D' => Subtract(Everything, Digits),
            'w' => [.. Word],
            'W' => Subtract(Everything, Word),
            's' => [.. Space],
            'S' => Subtract(Everything, Space),
            _ => null,
        };
        if (ranges is not null)
        {
            _position++;
            return ranges;
        }

        if (c is 'p' or 'P' && _position + 1 < _pattern.Length && _pattern[_position + 1] == '{')
        {
            var close = _pattern.IndexOf('}', _position);
            if (close < 0)
            {
                throw new UnsupportedPatternException($"'\\{c}{{' at offset {_position - 1} is not closed");
            }

            var name = _pattern[(_position + 2)..close];
            _position = close + 1;
            var property = UnicodeCategories.Ranges(name)
                ?? throw new UnsupportedPatternException($"the Unicode property '{name}' is not a general category the generator knows (write \\p{{L}}, \\p{{Lu}}, \\p{{Nd}}…)");
            return c == 'p' ? property : Subtract(Everything, property);
        }

        return null;
    }

    // A single character escape; the position is after the backslash.
    private int CharacterEscape()
    {
        var c = _pattern[_position++];
        switch (c)
        {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'f': return '\f';
            case 'v': return '\v';
            case '0' when !More || !char.IsAsciiDigit(Peek): return '\0';
            case 'c' when More && char.IsAsciiLetter(Peek): return _pattern[_position++] % 32;
            case 'x' when _position + 2 <= _pattern.Length && IsHex(_pattern.AsSpan(_position, 2)):
                _position += 2;
                return int.Parse(_pattern.AsSpan(_position - 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            case 'u' when More && Peek == '{':
                {
                    var close = _pattern.IndexOf('}', _position);
                    if (close > _position + 1 && IsHex(_pattern.AsSpan(_position + 1, close - _position - 1)))
                    {
                        var code = int.Parse(_pattern.AsSpan(_position + 1, close - _position - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        _position = close + 1;
                        return code;
                    }

                    return 'u';
                }

            case 'u' when _position + 4 <= _pattern.Length && IsHex(_pattern.AsSpan(_position, 4)):
                _position += 4;
                return int.Parse(_pattern.AsSpan(_position - 4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            default:
                return c; // identity escape: \. \/ \- …
        }
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    // [...] or [^...]; the position is at '['.
    private List<(char Lo, char Hi)> ClassBody()
    {
        var start = _position;
        _position++;
        var negated = More && Peek == '^';
        if (negated)
        {
            _position++;
        }

        var ranges = new List<(char Lo, char Hi)>();
        while (More && Peek != ']')
        {
            var (set, single) = ClassAtom();
            if (single is { } lo && More && Peek == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                _position++;
                var (_, upper) = ClassAtom();
                if (upper is not { } hi || hi < lo)
                {
                    throw new UnsupportedPatternException($"the class range at offset {start} is not a range of single characters");
                }

                ranges.Add((lo, hi));
            }
            else if (set is not null)
            {
                ranges.AddRange(set);
            }
            else
            {
                ranges.Add((single!.Value, single.Value));
            }
        }

        if (!More)
        {
            throw new UnsupportedPatternException($"the class at offset {start} is not closed");
        }

        _position++;
        return negated ? Subtract(Everything, ranges) : Normalize(ranges);
    }

    private (List<(char Lo, char Hi)>? Set, char? Single) ClassAtom()
    {
        if (Peek != '\\')
        {
            var c = _pattern[_position++];
            if (char.IsSurrogate(c))
            {
                throw new UnsupportedPatternException("characters beyond U+FFFF inside a class are not supported");
            }

            return (null, c);
        }

        _position++;
        if (!More)
        {
            throw new UnsupportedPatternException("the pattern ends with a lone backslash");
        }

        if (Peek == 'b')
        {
            _position++;
            return (null, '\b');
        }

        if (ClassEscape() is { } set)
        {
            return (set, null);
        }

        var code = CharacterEscape();
        return code > LastBmp
            ? throw new UnsupportedPatternException("characters beyond U+FFFF inside a class are not supported")
            : (null, (char)code);
    }

    private static string Class(List<(char Lo, char Hi)> ranges)
    {
        if (ranges.Count == 0)
        {
            return "#"; // the empty language
        }

        var text = new StringBuilder("[");
        foreach (var (lo, hi) in ranges)
        {
            text.Append(Escaped(lo));
            if (hi != lo)
            {
                text.Append('-').Append(Escaped(hi));
            }
        }

        return text.Append(']').ToString();
    }

    private static string Escaped(char c) => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "\\" + c;

    private static List<(char Lo, char Hi)> Normalize(IEnumerable<(char Lo, char Hi)> ranges)
    {
        var result = new List<(char Lo, char Hi)>();
        foreach (var (lo, hi) in ranges.OrderBy(r => r.Lo))
        {
            if (result.Count > 0 && lo <= result[^1].Hi + 1)
            {
                result[^1] = (result[^1].Lo, (char)Math.Max(result[^1].Hi, hi));
            }
            else
            {
                result.Add((lo, hi));
            }
        }

        return result;
    }

    /// <summary>The characters of <paramref name="from"/> that are not in <paramref name="removed"/>.</summary>
    internal static List<(char Lo, char Hi)> Subtract(IEnumerable<(char Lo, char Hi)> from, IEnumerable<(char Lo, char Hi)> removed)
    {
        var result = new List<(char Lo, char Hi)>();
        var cuts = Normalize(removed);
        foreach (var (lo, hi) in Normalize(from))
        {
            int start = lo;
            foreach (var (cutLo, cutHi) in cuts)
            {
                if (cutHi < start || cutLo > hi)
                {
                    continue;
                }

                if (cutLo > start)
                {
                    result.Add(((char)start, (char)(cutLo - 1)));
                }

                start = cutHi + 1;
            }

            if (start <= hi)
            {
                result.Add(((char)start, hi));
            }
        }

        return result;
    }
}

/// <summary>Unicode general categories as BMP character ranges, by the names ECMA-262 accepts.</summary>
internal static class UnicodeCategories
{
    private static readonly FrozenDictionary<string, string> LongNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Cased_Letter"] = "LC", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc",
        ["Enclosing_Mark"] = "Me", ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl",
        ["Other_Number"] = "No", ["Punctuation"] = "P", ["punct"] = "P", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Other"] = "C", ["Control"] = "Cc",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static List<(char Lo, char Hi)>? Ranges(string name)
    {
        var value = name.Contains('=', StringComparison.Ordinal) ? name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..] : name;
        if (name.Contains('=', StringComparison.Ordinal) && name[..name.IndexOf('=', StringComparison.Ordinal)] is not ("General_Category" or "gc"))
        {
            return null;
        }

        var code = LongNames.GetValueOrDefault(value, value);
        var categories = Enum.GetValues<UnicodeCategory>().Where(c => Abbreviation(c) == code || (code.Length == 1 && Abbreviation(c)[0] == code[0]) ||
            (code == "LC" && Abbreviation(c) is "Lu" or "Ll" or "Lt")).ToHashSet();
        if (categories.Count == 0)
        {
            return null;
        }

        var ranges = new List<(char Lo, char Hi)>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c) || !categories.Contains(char.GetUnicodeCategory((char)c)))
            {
                continue;
            }

            if (ranges.Count > 0 && ranges[^1].Hi == c - 1)
            {
                ranges[^1] = (ranges[^1].Lo, (char)c);
            }
            else
            {
                ranges.Add(((char)c, (char)c));
            }
        }

        return ranges;
    }

    private static string Abbreviation(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => "Lu", UnicodeCategory.LowercaseLetter => "Ll", UnicodeCategory.TitlecaseLetter => "Lt",
        UnicodeCategory.ModifierLetter => "Lm", UnicodeCategory.OtherLetter => "Lo", UnicodeCategory.NonSpacingMark => "Mn",
        UnicodeCategory.SpacingCombiningMark => "Mc", UnicodeCategory.EnclosingMark => "Me", UnicodeCategory.DecimalDigitNumber => "Nd",
        UnicodeCategory.LetterNumber => "Nl", UnicodeCategory.OtherNumber => "No", UnicodeCategory.SpaceSeparator => "Zs",
        UnicodeCategory.LineSeparator => "Zl", UnicodeCategory.ParagraphSeparator => "Zp", UnicodeCategory.Control => "Cc",
        UnicodeCategory.Format => "Cf", UnicodeCategory.Surrogate => "Cs", UnicodeCategory.PrivateUse => "Co",
        UnicodeCategory.ConnectorPunctuation => "Pc", UnicodeCategory.DashPunctuation => "Pd", UnicodeCategory.OpenPunctuation => "Ps",
        UnicodeCategory.ClosePunctuation => "Pe", UnicodeCategory.InitialQuotePunctuation => "Pi", UnicodeCategory.FinalQuotePunctuation => "Pf",
        UnicodeCategory.OtherPunctuation => "Po", UnicodeCategory.MathSymbol => "Sm", UnicodeCategory.CurrencySymbol => "Sc",
        UnicodeCategory.ModifierSymbol => "Sk", UnicodeCategory.OtherSymbol => "So", _ => "Cn",
    };
}
