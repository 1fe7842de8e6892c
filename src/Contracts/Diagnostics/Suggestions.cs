namespace ContractKit.Contracts.Diagnostics;

/// <summary>"Did you mean …?" for misspelt keys and values.</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="text"/>, when it is close enough to be a typo.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(text.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Two edits for longer words, one for short ones: "timout" → "timeout", not "id" → "to".
        var allowed = text.Length <= 4 ? 1 : Math.Max(2, text.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
