using System.Text.Json;
using ContractKit.Contracts.Validation;

namespace ContractKit.Contracts.Tests.Validation;

/// <summary>One case of the official JSON-Schema-Test-Suite.</summary>
internal sealed record SuiteCase(string File, string Group, string Description, JsonElement Schema, JsonElement Data, bool Valid)
{
    public string Name => $"{File} / {Group} / {Description}";
}

/// <summary>
/// Reads the JSON-Schema-Test-Suite kept in tests/data (see its SOURCE.txt), with its
/// remotes/ served under http://localhost:1234/ the way the suite expects — from disk, nothing fetched.
/// </summary>
internal static class TestSuite
{
    public const string BaseUri = "http://contractkit.invalid/root.json";

    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestRepository.Root, "tests", "data", "JSON-Schema-Test-Suite"));

    public static IReadOnlyList<(string Uri, JsonElement Content)> Remotes { get; } = LoadRemotes();

    public static IEnumerable<SuiteCase> Cases(string folder)
    {
        var directory = Path.Combine(Root, "tests", folder);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"the JSON-Schema-Test-Suite is not at {directory}; it is kept in tests/data/JSON-Schema-Test-Suite");
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var schema = group.GetProperty("schema").Clone();
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    yield return new SuiteCase(Path.GetFileName(file), group.GetProperty("description").GetString()!,
                        test.GetProperty("description").GetString()!, schema, test.GetProperty("data").Clone(), test.GetProperty("valid").GetBoolean());
                }
            }
        }
    }

    /// <summary>Runs every case; returns the names of those whose verdict differs from the suite's, and which engine each group used.</summary>
    public static (List<string> Failures, int Total, Dictionary<ValidationEngine, int> Engines) Run(string folder, bool assertFormats)
    {
        var failures = new List<string>();
        var engines = new Dictionary<ValidationEngine, int>();
        var total = 0;
        foreach (var group in Cases(folder).GroupBy(c => (c.File, c.Group)))
        {
            RecordValidator? validator = null;
            string? error = null;
            try
            {
                validator = RecordValidator.Create(group.First().Schema, BaseUri, Remotes, new ValidationOptions { AssertFormats = assertFormats });
                engines[validator.Engine] = engines.GetValueOrDefault(validator.Engine) + 1;
            }
#pragma warning disable CA1031 // A schema that does not compile fails its cases; the run goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }

            foreach (var test in group)
            {
                total++;
                if (validator is null)
                {
                    failures.Add($"{test.Name} (schema did not compile: {error})");
                    continue;
                }

                var quick = validator.IsValid(test.Data);
                var detailed = validator.Validate(test.Data);
                if (quick != test.Valid || detailed.IsValid != test.Valid)
                {
                    failures.Add(test.Name + (quick != detailed.IsValid ? " (IsValid and Validate disagree)" : ""));
                }
            }
        }

        return (failures, total, engines);
    }

    private static List<(string, JsonElement)> LoadRemotes()
    {
        var remotes = Path.Combine(Root, "remotes");
        return [.. Directory.EnumerateFiles(remotes, "*.json", SearchOption.AllDirectories)
            .Select(file => ("http://localhost:1234/" + Path.GetRelativePath(remotes, file).Replace('\\', '/'), JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.Clone()))];
    }
}
