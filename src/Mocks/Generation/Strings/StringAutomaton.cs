using Fare;

namespace ContractKit.Mocks.Generation.Strings;

/// <summary>
/// A deterministic automaton of the strings a pattern allows, flattened into arrays and walked with
/// the record's own <see cref="Prng"/> (Fare's Xeger needs a shared <see cref="Random"/>, ignores
/// length bounds and recurses per character). Each transition picks from the realistic part of its
/// range — letters and digits, else printable ASCII, else any non-surrogate — and the walk honours
/// minLength/maxLength by knowing, for every state, the shortest and longest way to an accepting one.
/// </summary>
internal sealed class StringAutomaton
{
    private const int Unbounded = int.MaxValue;

    private static readonly (char Lo, char Hi)[][] Preferences =
    [
        [('0', '9'), ('A', 'Z'), ('a', 'z')],
        [(' ', '~')],
        [('\u00A0', '\uD7FF'), ('\uE000', '\uFFFD')],
        [('\0', '\uD7FF'), ('\uE000', '\uFFFF')],
        [('\uD800', '\uDFFF')],
    ];

    private readonly bool[] _accept;
    private readonly int[] _first;       // transitions of state s: _first[s] .. _first[s + 1] - 1
    private readonly int[] _target;
    private readonly int[] _pickFirst;   // pick ranges of transition t: _pickFirst[t] .. _pickFirst[t + 1] - 1
    private readonly char[] _pickLo;
    private readonly int[] _pickSize;    // cumulative sizes inside one transition
    private readonly int[] _shortest;    // fewest characters to an accepting state
    private readonly int[] _longest;     // most characters to an accepting state, or Unbounded

    private StringAutomaton(Automaton automaton)
    {
        var states = automaton.GetStates().OrderBy(s => s.Id).ToList();
        states.Remove(automaton.Initial);
        states.Insert(0, automaton.Initial);
        var index = states.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _accept = [.. states.Select(s => s.Accept)];
        _first = new int[states.Count + 1];
        var targets = new List<int>();
        var pickFirst = new List<int>();
        var pickLo = new List<char>();
        var pickSize = new List<int>();
        for (var s = 0; s < states.Count; s++)
        {
            _first[s] = targets.Count;
            foreach (var transition in states[s].GetSortedTransitions(false))
            {
                targets.Add(index[transition.To]);
                pickFirst.Add(pickLo.Count);
                var cumulative = 0;
                foreach (var (lo, hi) in Pickable(transition.Min, transition.Max))
                {
                    cumulative += hi - lo + 1;
                    pickLo.Add(lo);
                    pickSize.Add(cumulative);
                }
            }
        }

        _first[states.Count] = targets.Count;
        pickFirst.Add(pickLo.Count);
        (_target, _pickFirst, _pickLo, _pickSize) = ([.. targets], [.. pickFirst], [.. pickLo], [.. pickSize]);
        (_shortest, _longest) = Distances();
        LongestWayHome = _shortest.Where(d => d != Unbounded).DefaultIfEmpty(0).Max();
    }

    /// <summary>The automaton of strings matching every pattern (each an unanchored search, as JSON Schema reads it).</summary>
    /// <exception cref="UnsupportedPatternException">A pattern has no automaton.</exception>
    public static StringAutomaton ForPatterns(IReadOnlyList<string> patterns)
    {
        // One pattern: its own language, without the text a search would allow around it.
        var automaton = EcmaPattern.ToAutomaton(patterns[0], unanchoredEnds: patterns.Count > 1);
        foreach (var pattern in patterns.Skip(1))
        {
            automaton = BasicOperations.Intersection(automaton, EcmaPattern.ToAutomaton(pattern, unanchoredEnds: true));
            automaton.Minimize();
        }

        return new StringAutomaton(automaton);
    }

    /// <summary>Fewest characters of any string of the language, or null when the language is empty.</summary>
    public int? ShortestLength => _shortest[0] == Unbounded ? null : _shortest[0];

    /// <summary>The farthest any live state is from an accepting one: the room a walk needs to finish.</summary>
    public int LongestWayHome { get; }

    /// <summary>Most characters of any string of the language, or null when unbounded.</summary>
    public int? LongestLength => _longest[0] == Unbounded ? null : _longest[0];

    /// <summary>
    /// Writes a random string of the language with <paramref name="minLength"/> to
    /// <paramref name="maxLength"/> characters into <paramref name="buffer"/>.
    /// </summary>
    /// <returns>Its length, or -1 when this walk ran into a dead end (the caller draws again).</returns>
    public int Walk(ref Prng rng, int minLength, int maxLength, int preferredLength, Span<char> buffer)
    {
        maxLength = Math.Min(maxLength, buffer.Length);
        var state = 0;
        var length = 0;
        Span<int> options = stackalloc int[16];
        while (true)
        {
            if (_accept[state] && length >= Math.Max(minLength, preferredLength))
            {
                return length;
            }

            // Transitions after which a string of the right length can still be finished.
            var count = 0;
            var first = _first[state];
            var last = _first[state + 1];
            var heading = length >= preferredLength;
            var best = Unbounded;
            for (var t = first; t < last; t++)
            {
                var to = _target[t];
                if (_shortest[to] == Unbounded || length + 1 + _shortest[to] > maxLength ||
                    (_longest[to] != Unbounded && length + 1 + _longest[to] < minLength) || _pickFirst[t] == _pickFirst[t + 1])
                {
                    continue;
                }

                // Past the preferred length, go the shortest way home.
                if (heading && _shortest[to] > best)
                {
                    continue;
                }

                if (heading && _shortest[to] < best)
                {
                    best = _shortest[to];
                    count = 0;
                }

                if (count < options.Length)
                {
                    options[count++] = t;
                }
                else if (rng.Next(count + 1) < options.Length)
                {
                    options[rng.Next(options.Length)] = t;
                }
            }

            if (count == 0)
            {
                return _accept[state] && length >= minLength ? length : -1;
            }

            var chosen = options[rng.Next(count)];
            buffer[length++] = Pick(chosen, ref rng);
            state = _target[chosen];
        }
    }

    private char Pick(int transition, ref Prng rng)
    {
        var first = _pickFirst[transition];
        var last = _pickFirst[transition + 1] - 1;
        var offset = rng.Next(_pickSize[last]);
        for (var p = first; p <= last; p++)
        {
            if (offset < _pickSize[p])
            {
                return (char)(_pickLo[p] + offset - (p == first ? 0 : _pickSize[p - 1]));
            }
        }

        return _pickLo[last];
    }

    /// <summary>
    /// The <paramref name="rank"/>-th string of the language in (length, then character) order, counting
    /// only the characters <see cref="Walk"/> would pick, from <paramref name="minLength"/> up: distinct
    /// ranks give distinct strings. Null when the language has fewer strings than that within
    /// <paramref name="maxLength"/> characters.
    /// </summary>
    public string? Unrank(ulong rank, int minLength, int maxLength)
    {
        maxLength = Math.Min(maxLength, 256);
        for (var length = Math.Max(minLength, _shortest[0]); length <= maxLength; length++)
        {
            var counts = Counts(length);
            var total = counts[length][0];
            if (rank >= total)
            {
                rank -= total;
                if (total == ulong.MaxValue)
                {
                    return null;
                }

                continue;
            }

            var text = new char[length];
            var state = 0;
            for (var position = 0; position < length; position++)
            {
                var remaining = length - position - 1;
                for (var t = _first[state]; t < _first[state + 1]; t++)
                {
                    var each = counts[remaining][_target[t]];
                    if (each == 0)
                    {
                        continue;
                    }

                    var pickable = _pickFirst[t] == _pickFirst[t + 1] ? 0UL : (ulong)_pickSize[_pickFirst[t + 1] - 1];
                    var all = Multiply(pickable, each);
                    if (rank >= all)
                    {
                        rank -= all;
                        continue;
                    }

                    var character = rank / each;
                    rank %= each;
                    text[position] = CharAt(t, (int)character);
                    state = _target[t];
                    break;
                }
            }

            return new string(text);
        }

        return null;
    }

    private char CharAt(int transition, int offset)
    {
        for (var p = _pickFirst[transition]; p < _pickFirst[transition + 1]; p++)
        {
            var before = p == _pickFirst[transition] ? 0 : _pickSize[p - 1];
            if (offset < _pickSize[p])
            {
                return (char)(_pickLo[p] + offset - before);
            }
        }

        throw new InvalidOperationException("unranking ran past a transition");
    }

    // counts[n][s]: strings of exactly n characters from state s to an accepting state (saturating).
    private ulong[][] Counts(int length)
    {
        var counts = new ulong[length + 1][];
        counts[0] = [.. _accept.Select(a => a ? 1UL : 0UL)];
        for (var n = 1; n <= length; n++)
        {
            counts[n] = new ulong[_accept.Length];
            for (var s = 0; s < _accept.Length; s++)
            {
                var total = 0UL;
                for (var t = _first[s]; t < _first[s + 1]; t++)
                {
                    var pickable = _pickFirst[t] == _pickFirst[t + 1] ? 0UL : (ulong)_pickSize[_pickFirst[t + 1] - 1];
                    total = Add(total, Multiply(pickable, counts[n - 1][_target[t]]));
                }

                counts[n][s] = total;
            }
        }

        return counts;
    }

    private static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static ulong Multiply(ulong a, ulong b) => a != 0 && b > ulong.MaxValue / a ? ulong.MaxValue : a * b;

    private static List<(char Lo, char Hi)> Pickable(char min, char max)
    {
        foreach (var preference in Preferences)
        {
            var found = preference
                .Select(p => (Lo: (char)Math.Max(p.Lo, min), Hi: (char)Math.Min(p.Hi, max)))
                .Where(p => p.Lo <= p.Hi)
                .ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    private (int[] Shortest, int[] Longest) Distances()
    {
        var count = _accept.Length;
        var shortest = new int[count];
        Array.Fill(shortest, Unbounded);
        for (var s = 0; s < count; s++)
        {
            if (_accept[s])
            {
                shortest[s] = 0;
            }
        }

        // Bellman-Ford style relaxation: automata here have a few hundred states at most.
        for (var changed = true; changed;)
        {
            changed = false;
            for (var s = 0; s < count; s++)
            {
                for (var t = _first[s]; t < _first[s + 1]; t++)
                {
                    var to = _target[t];
                    if (_pickFirst[t] != _pickFirst[t + 1] && shortest[to] != Unbounded && shortest[to] + 1 < shortest[s])
                    {
                        shortest[s] = shortest[to] + 1;
                        changed = true;
                    }
                }
            }
        }

        // Longest: unbounded when a cycle of live states is reachable; otherwise a longest path in a DAG.
        var longest = new int[count];
        var state = new int[count]; // 0 new, 1 on stack, 2 done
        for (var s = 0; s < count; s++)
        {
            Visit(s);
        }

        return (shortest, longest);

        int Visit(int s)
        {
            if (state[s] == 2)
            {
                return longest[s];
            }

            if (state[s] == 1)
            {
                return Unbounded; // a cycle
            }

            state[s] = 1;
            var best = _accept[s] ? 0 : -1;
            for (var t = _first[s]; t < _first[s + 1]; t++)
            {
                var to = _target[t];
                if (_pickFirst[t] == _pickFirst[t + 1] || shortest[to] == Unbounded)
                {
                    continue;
                }

                var further = Visit(to);
                if (further == Unbounded)
                {
                    best = Unbounded;
                    break;
                }

                best = Math.Max(best, further + 1);
            }

            state[s] = 2;
            longest[s] = best < 0 ? 0 : best;
            return longest[s];
        }
    }
}
