using System.Globalization;

namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>regex</c>: a pattern ECMAScript (ECMA-262, 2025) accepts with the <c>u</c> flag, the dialect
/// JSON Schema 2020-12 names. A syntax check with the early errors: back-references to groups that
/// exist, known Unicode property names, ordered class ranges and <c>{n,m}</c> bounds, no quantified
/// lookaround, modifiers <c>(?ims-ims:…)</c> without repeats, and group names unique unless they sit
/// in different alternatives. Not .NET syntax: <c>(?i)</c>, <c>(?P&lt;n&gt;…)</c> and <c>\a</c> are invalid.
/// </summary>
internal static class RegexFormat
{
    /// <summary>Whether the text is an ECMAScript regular expression.</summary>
    public static bool IsRegex(string value) => new Parser(value).Parse();

    /// <summary>One named group: its name and, per enclosing disjunction, which alternative it is in.</summary>
    private sealed record NamedGroup(string Name, int[] Path);

    private ref struct Parser
    {
        private const int NoValue = -1;

        private readonly ReadOnlySpan<char> _text;
        private int _position;
        private int _captures;
        private int _highestBackReference;

        // Only patterns with named groups or \k allocate.
        private List<NamedGroup>? _groups;
        private List<string>? _references;
        private List<int>? _path;
        private int _disjunctions;

        public Parser(ReadOnlySpan<char> text)
        {
            _text = text;

            // Group names are unique per alternative, so where names may appear, track each group's place.
            _path = text.Contains("(?<", StringComparison.Ordinal) ? [] : null;
        }

        private readonly bool AtEnd => _position >= _text.Length;

        private readonly char Peek => _text[_position];

        public bool Parse()
        {
            if (!ParseDisjunction() || !AtEnd || _highestBackReference > _captures)
            {
                return false;
            }

            if (_references is null)
            {
                return true;
            }

            foreach (var reference in _references)
            {
                if (_groups is null || !_groups.Exists(g => g.Name == reference))
                {
                    return false;
                }
            }

            return true;
        }

        private bool ParseDisjunction()
        {
            var id = _disjunctions++;
            var alternative = 0;
            while (true)
            {
                _path?.Add(id);
                _path?.Add(alternative);
                var parsed = ParseAlternative();
                _path?.RemoveRange(_path.Count - 2, 2);
                if (!parsed)
                {
                    return false;
                }

                if (AtEnd || Peek != '|')
                {
                    return true;
                }

                _position++;
                alternative++;
            }
        }

        private bool ParseAlternative()
        {
            while (!AtEnd && Peek is not ('|' or ')'))
            {
                if (!ParseTerm())
                {
                    return false;
                }
            }

            return true;
        }

        private bool ParseTerm()
        {
            switch (Peek)
            {
                case '^' or '$':
                    _position++;
                    return !AtQuantifier();
                case '\\' when _position + 1 < _text.Length && _text[_position + 1] is 'b' or 'B':
                    _position += 2;
                    return !AtQuantifier();
                case '(':
                    return ParseGroup();
                case '[':
                    return ParseClass() && ParseQuantifier();
                case '\\':
                    _position++;
                    return ParseAtomEscape() && ParseQuantifier();
                case '*' or '+' or '?' or '{' or '}' or ']':
                    return false; // Nothing to repeat, or a lone brace or bracket (an error with u).
                default:
                    ReadCodePoint();
                    return ParseQuantifier();
            }
        }

        private bool ParseGroup()
        {
            _position++;
            var assertion = false;
            if (Follows("?=") || Follows("?!"))
            {
                _position += 2;
                assertion = true;
            }
            else if (Follows("?<=") || Follows("?<!"))
            {
                _position += 3;
                assertion = true;
            }
            else if (Follows("?<"))
            {
                _position += 2;
                if (!ParseGroupName(out var name))
                {
                    return false;
                }

                _captures++;
                if (!AddGroupName(name))
                {
                    return false;
                }
            }
            else if (Follows("?"))
            {
                _position++;
                if (!ParseModifiers())
                {
                    return false;
                }
            }
            else
            {
                _captures++;
            }

            if (!ParseDisjunction() || AtEnd || Peek != ')')
            {
                return false;
            }

            _position++;
            return assertion ? !AtQuantifier() : ParseQuantifier();
        }

        /// <summary>After <c>(?</c>: <c>:</c>, or flags to add, optionally <c>-</c> and flags to remove, then <c>:</c>.</summary>
        private bool ParseModifiers()
        {
            var seen = 0;
            var removing = false;
            while (!AtEnd)
            {
                var c = _text[_position++];
                if (c == ':')
                {
                    // "(?-:" names no flag at all; "(?:" is a plain non-capturing group.
                    return !removing || seen != 0;
                }

                if (c == '-' && !removing)
                {
                    removing = true;
                    continue;
                }

                var flag = c switch { 'i' => 1, 'm' => 2, 's' => 4, _ => 0 };
                if (flag == 0 || (seen & flag) != 0)
                {
                    return false;
                }

                seen |= flag;
            }

            return false;
        }

        private bool AddGroupName(string name)
        {
            _groups ??= [];
            var path = _path!.ToArray();
            foreach (var other in _groups)
            {
                if (other.Name == name && !InDifferentAlternatives(other.Path, path))
                {
                    return false;
                }
            }

            _groups.Add(new NamedGroup(name, path));
            return true;
        }

        /// <summary>Whether the innermost disjunction two paths share puts them in different alternatives.</summary>
        private static bool InDifferentAlternatives(int[] first, int[] second)
        {
            for (var i = 0; i + 1 < first.Length && i + 1 < second.Length && first[i] == second[i]; i += 2)
            {
                if (first[i + 1] != second[i + 1])
                {
                    return true;
                }
            }

            return false;
        }

        private readonly bool AtQuantifier() => !AtEnd && Peek is '*' or '+' or '?' or '{';

        private bool ParseQuantifier()
        {
            if (AtEnd)
            {
                return true;
            }

            if (Peek is '*' or '+' or '?')
            {
                _position++;
            }
            else if (Peek == '{')
            {
                _position++;
                var min = ReadDigits();
                if (min.IsEmpty)
                {
                    return false;
                }

                if (!AtEnd && Peek == ',')
                {
                    _position++;
                    var max = ReadDigits();
                    if (!max.IsEmpty && CompareNumbers(min, max) > 0)
                    {
                        return false;
                    }
                }

                if (AtEnd || Peek != '}')
                {
                    return false;
                }

                _position++;
            }
            else
            {
                return true;
            }

            if (!AtEnd && Peek == '?')
            {
                _position++;
            }

            return true;
        }

        private ReadOnlySpan<char> ReadDigits()
        {
            var start = _position;
            while (!AtEnd && char.IsAsciiDigit(Peek))
            {
                _position++;
            }

            return _text[start.._position];
        }

        /// <summary>Compares two decimal numbers of any length.</summary>
        private static int CompareNumbers(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
        {
            first = first.TrimStart('0');
            second = second.TrimStart('0');
            return first.Length != second.Length ? first.Length.CompareTo(second.Length) : first.SequenceCompareTo(second);
        }

        /// <summary>After a backslash outside a class.</summary>
        private bool ParseAtomEscape()
        {
            if (AtEnd)
            {
                return false;
            }

            var c = Peek;
            if (c is >= '1' and <= '9')
            {
                var digits = ReadDigits();
                var number = digits.Length > 9 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture);
                _highestBackReference = Math.Max(_highestBackReference, number);
                return true;
            }

            if (c == 'k')
            {
                _position++;
                if (AtEnd || Peek != '<')
                {
                    return false;
                }

                _position++;
                if (!ParseGroupName(out var name))
                {
                    return false;
                }

                (_references ??= []).Add(name);
                return true;
            }

            return ParseCharacterEscape(inClass: false, out _, out _);
        }

        /// <summary>
        /// A character escape or class escape after a backslash; <paramref name="value"/> is the character,
        /// or <see cref="NoValue"/> for a class such as <c>\d</c> (<paramref name="isClass"/>).
        /// </summary>
        private bool ParseCharacterEscape(bool inClass, out int value, out bool isClass)
        {
            isClass = false;
            value = NoValue;
            var c = _text[_position++];
            switch (c)
            {
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                    isClass = true;
                    return true;
                case 'p' or 'P':
                    isClass = true;
                    return ParsePropertyEscape();
                case 'f':
                    value = '\f';
                    return true;
                case 'n':
                    value = '\n';
                    return true;
                case 'r':
                    value = '\r';
                    return true;
                case 't':
                    value = '\t';
                    return true;
                case 'v':
                    value = '\v';
                    return true;
                case 'b' when inClass:
                    value = '\b';
                    return true;
                case '-' when inClass:
                    value = '-';
                    return true;
                case 'c':
                    if (AtEnd || !char.IsAsciiLetter(Peek))
                    {
                        return false;
                    }

                    value = _text[_position++] % 32;
                    return true;
                case '0':
                    value = 0;
                    return AtEnd || !char.IsAsciiDigit(Peek);
                case 'x':
                    return ReadHex(2, out value);
                case 'u':
                    return ParseUnicodeEscape(out value);
                case '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '/':
                    value = c;
                    return true;
                default:
                    return false; // With u, no other identity escapes: \a, \-, \e… are errors.
            }
        }

        /// <summary>After <c>\u</c>: <c>{hex}</c> up to U+10FFFF, or four hex digits (a surrogate pair as one).</summary>
        private bool ParseUnicodeEscape(out int value)
        {
            if (!AtEnd && Peek == '{')
            {
                _position++;
                var start = _position;
                value = 0;
                while (!AtEnd && char.IsAsciiHexDigit(Peek))
                {
                    value = Math.Min((value * 16) + HexValue(_text[_position++]), 0x110000);
                }

                if (_position == start || AtEnd || Peek != '}' || value > 0x10FFFF)
                {
                    return false;
                }

                _position++;
                return true;
            }

            if (!ReadHex(4, out value))
            {
                return false;
            }

            if (char.IsHighSurrogate((char)value) && Follows("\\u"))
            {
                var resume = _position;
                _position += 2;
                if (ReadHex(4, out var low) && char.IsLowSurrogate((char)low))
                {
                    value = char.ConvertToUtf32((char)value, (char)low);
                }
                else
                {
                    _position = resume;
                }
            }

            return true;
        }

        private bool ReadHex(int count, out int value)
        {
            value = 0;
            if (_position + count > _text.Length)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                var c = _text[_position + i];
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }

                value = (value * 16) + HexValue(c);
            }

            _position += count;
            return true;
        }

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        /// <summary>After <c>\p</c> or <c>\P</c>: <c>{Name}</c> or <c>{Name=Value}</c> with names ECMAScript knows.</summary>
        private bool ParsePropertyEscape()
        {
            if (AtEnd || Peek != '{')
            {
                return false;
            }

            var close = _text[_position..].IndexOf('}');
            if (close < 0)
            {
                return false;
            }

            var body = _text.Slice(_position + 1, close - 1);
            _position += close + 1;
            var equals = body.IndexOf('=');
            if (equals < 0)
            {
                return Contains(EcmaScriptProperties.GeneralCategories, body) || Contains(EcmaScriptProperties.Binary, body);
            }

            var name = body[..equals];
            var value = body[(equals + 1)..];
            return name switch
            {
                "General_Category" or "gc" => Contains(EcmaScriptProperties.GeneralCategories, value),
                "Script" or "sc" or "Script_Extensions" or "scx" => Contains(EcmaScriptProperties.Scripts, value),
                _ => false,
            };
        }

        private static bool Contains(System.Collections.Frozen.FrozenSet<string> names, ReadOnlySpan<char> name) =>
            names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

        private bool ParseClass()
        {
            _position++;
            if (!AtEnd && Peek == '^')
            {
                _position++;
            }

            while (!AtEnd)
            {
                if (Peek == ']')
                {
                    _position++;
                    return true;
                }

                if (!ParseClassAtom(out var from, out var fromIsClass))
                {
                    return false;
                }

                if (_position + 1 < _text.Length && Peek == '-' && _text[_position + 1] != ']')
                {
                    _position++;
                    if (!ParseClassAtom(out var to, out var toIsClass) || fromIsClass || toIsClass || from > to)
                    {
                        return false;
                    }
                }
            }

            return false;
        }

        private bool ParseClassAtom(out int value, out bool isClass)
        {
            isClass = false;
            if (Peek != '\\')
            {
                value = ReadCodePoint();
                return true;
            }

            _position++;
            if (AtEnd)
            {
                value = NoValue;
                return false;
            }

            return ParseCharacterEscape(inClass: true, out value, out isClass);
        }

        /// <summary>After <c>(?&lt;</c> or <c>\k&lt;</c>: an identifier name and <c>&gt;</c>.</summary>
        private bool ParseGroupName(out string name)
        {
            name = "";
            var builder = new System.Text.StringBuilder();
            while (!AtEnd && Peek != '>')
            {
                int codePoint;
                if (Peek == '\\')
                {
                    _position++;
                    if (AtEnd || _text[_position++] != 'u' || !ParseUnicodeEscape(out codePoint))
                    {
                        return false;
                    }
                }
                else
                {
                    codePoint = ReadCodePoint();
                }

                if (!(builder.Length == 0 ? IsIdentifierStart(codePoint) : IsIdentifierPart(codePoint)))
                {
                    return false;
                }

                builder.Append(char.ConvertFromUtf32(codePoint));
            }

            if (AtEnd || builder.Length == 0)
            {
                return false;
            }

            _position++;
            name = builder.ToString();
            return true;
        }

        private int ReadCodePoint()
        {
            var c = _text[_position++];
            if (char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Peek))
            {
                return char.ConvertToUtf32(c, _text[_position++]);
            }

            return c;
        }

        private readonly bool Follows(string text) => _text[_position..].StartsWith(text, StringComparison.Ordinal);

        /// <summary>ID_Start (letters, letter numbers and Other_ID_Start), <c>$</c> or <c>_</c>.</summary>
        private static bool IsIdentifierStart(int codePoint) =>
            codePoint is '$' or '_' or 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x309B or 0x309C ||
            (!IsSurrogate(codePoint) && CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.UppercaseLetter or
                UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or
                UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber);

        /// <summary>ID_Continue (ID_Start, marks, digits, connectors, Other_ID_Continue), <c>$</c>, ZWNJ or ZWJ.</summary>
        private static bool IsIdentifierPart(int codePoint) =>
            IsIdentifierStart(codePoint) ||
            codePoint is 0x200C or 0x200D or 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA or 0x30FB or 0xFF65 ||
            (!IsSurrogate(codePoint) && CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.NonSpacingMark or
                UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);

        private static bool IsSurrogate(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF;
    }
}
