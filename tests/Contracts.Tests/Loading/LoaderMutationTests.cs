using System.Text;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Tests.Support;

namespace ContractKit.Contracts.Tests.Loading;

/// <summary>
/// Random edits of the example contracts (seeded, so failures reproduce): whatever the edit, the
/// loader returns diagnostics — it never throws — and every finding points inside a file.
/// </summary>
public class LoaderMutationTests
{
    private const int MutationsPerContract = 400;

    private static readonly string[] Insertions = ["\t", "\"", "'", ":", ": ", "- ", "{", "}", "[", "]", "&a ", "*a", "!!int ", "${env:", "\u0000", "#", "\n", "  ", "|", ">", "?", "%", "@", "`", "<<: *a\n", "null", "1e999", "-1", "0x", "101%", "5 minutes"];

    [TestCase("orders.yaml")]
    [TestCase("payments.yaml")]
    [TestCase("clickstream.yaml")]
    public async Task Never_throws_and_always_explains(string example)
    {
        var path = Repository.Example(example);
        var original = await File.ReadAllTextAsync(path);
        // string.GetHashCode is randomised per process; this seed is not.
        var random = new Random(example.Aggregate(20261127, (hash, c) => unchecked((hash * 31) + c)));
        var failures = new List<string>();
        var loaded = 0;
        for (var i = 0; i < MutationsPerContract; i++)
        {
            var mutated = Mutate(original, random);
            LoadResult result;
            try
            {
                var read = DocumentReader.Read(Encoding.UTF8.GetBytes(mutated), path, path);
                result = read.Document is null
                    ? new LoadResult(path, null, read.Diagnostics)
                    : await ContractLoader.LoadAsync(read.Document);
            }
#pragma warning disable CA1031 // The test exists to catch any exception.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var saved = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"mutation-{example}-{i}.yaml");
                await File.WriteAllTextAsync(saved, mutated);
                failures.Add($"mutation {i} threw {e} (input saved to {saved})");
                continue;
            }

            loaded += result.Succeeded ? 1 : 0;
            var lines = mutated.Split('\n').Length + 1;
            if (!result.Succeeded && !result.Diagnostics.Any(d => d.IsError))
            {
                failures.Add($"mutation {i} failed without an error");
            }

            foreach (var d in result.Diagnostics.Where(d => d.Span.File == path && (d.Span.Start.Line < 1 || d.Span.Start.Line > lines || d.Span.Start.Column < 1)))
            {
                failures.Add($"mutation {i}: {d} points outside the file");
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(3)));

        // The mutations must exercise both outcomes, or the test proves little.
        Assert.That(loaded, Is.InRange(1, MutationsPerContract - 1));
    }

    private static string Mutate(string text, Random random)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            text = random.Next(6) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)),
                1 => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
                2 => SwapLines(text, random),
                3 => text[..at],
                4 => ReplaceScalar(text, random),
                _ => DuplicateLine(text, random),
            };
        }

        return text;
    }

    private static string SwapLines(string text, Random random)
    {
        var lines = text.Split('\n');
        var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var i = random.Next(lines.Count);
        lines.Insert(i, lines[i]);
        return string.Join('\n', lines);
    }

    private static string ReplaceScalar(string text, Random random)
    {
        var lines = text.Split('\n');
        var i = random.Next(lines.Length);
        var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            lines[i] = lines[i][..(colon + 2)] + Insertions[random.Next(Insertions.Length)].Trim();
        }

        return string.Join('\n', lines);
    }
}
