using System.Text.Json;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation.Formats;

namespace ContractKit.Contracts.Tests.Validation.Formats;

/// <summary>
/// The format checks against the JSON-Schema-Test-Suite (draft 2020-12, optional/format), one test
/// per suite case whose schema is only <c>{"format": X}</c>, whose data is a string and whose X we check.
/// </summary>
public class FormatConformanceTests
{
    /// <summary>
    /// Suite cases we knowingly get wrong, as "file / group / test", with the reason. The suite run
    /// must fail exactly these: fixing one fails <see cref="Only_the_listed_cases_disagree_with_the_suite"/>
    /// until it is taken off the list.
    /// </summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
    };

    private static string SuiteFolder => Path.GetFullPath(Path.Combine(TestRepository.Root, "tests", "data", "JSON-Schema-Test-Suite"));

    private static string FormatFolder => Path.Combine(SuiteFolder, "tests", "draft2020-12", "optional", "format");

    private static string MissingSuiteMessage =>
        $"JSON-Schema-Test-Suite not found at {SuiteFolder}: the suite is kept in tests/data/JSON-Schema-Test-Suite";

    public static IEnumerable<TestCaseData> SuiteCases()
    {
        if (!Directory.Exists(FormatFolder))
        {
            yield return new TestCaseData(new SuiteCase("", "", "", "", "", Valid: false)).SetName("The JSON-Schema-Test-Suite is present");
            yield break;
        }

        foreach (var suiteCase in ReadSuite())
        {
            yield return new TestCaseData(suiteCase).SetName($"{suiteCase.Format}: {suiteCase.Test} ({suiteCase.Id})");
        }
    }

    [TestCaseSource(nameof(SuiteCases))]
    public void Agrees_with_the_suite(SuiteCase suiteCase)
    {
        Assert.That(Directory.Exists(FormatFolder), Is.True, MissingSuiteMessage);
        Assert.That(FormatCheckers.TryGet(suiteCase.Format, out var check), Is.True);

        var verdict = check!(suiteCase.Data);
        if (Unsupported.TryGetValue(suiteCase.Id, out var reason))
        {
            Assert.That(verdict, Is.Not.EqualTo(suiteCase.Valid),
                $"listed as unsupported ({reason}) but now agrees with the suite: take it off the list");
        }
        else
        {
            Assert.That(verdict, Is.EqualTo(suiteCase.Valid), $"{JsonSerializer.Serialize(suiteCase.Data)} should be {(suiteCase.Valid ? "valid" : "invalid")}");
        }
    }

    [Test]
    public void Only_the_listed_cases_disagree_with_the_suite()
    {
        Assert.That(Directory.Exists(FormatFolder), Is.True, MissingSuiteMessage);
        var cases = ReadSuite().ToList();
        var failing = cases.Where(c => FormatCheckers.TryGet(c.Format, out var check) && check(c.Data) != c.Valid).Select(c => c.Id);

        foreach (var format in cases.GroupBy(c => c.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var passed = format.Count(c => FormatCheckers.TryGet(c.Format, out var check) && check(c.Data) == c.Valid);
            TestContext.Out.WriteLine($"{format.Key}: {passed}/{format.Count()}");
        }

        Assert.That(failing, Is.EquivalentTo(Unsupported.Keys));
        Assert.That(cases.Select(c => c.Format).Distinct(), Is.EquivalentTo(FormatCheckers.Names), "every checked format has suite cases");
    }

    [Test]
    public void Lint_enforces_exactly_the_checked_formats() =>
        Assert.That(FormatCheckers.Names, Is.EquivalentTo(SchemaKeywords.EnforcedFormats));

    [Test]
    public void Unknown_formats_have_no_check() =>
        Assert.That(FormatCheckers.TryGet("unknown", out _), Is.False);

    private static IEnumerable<SuiteCase> ReadSuite()
    {
        foreach (var file in Directory.EnumerateFiles(FormatFolder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var schema = group.GetProperty("schema");
                if (schema.ValueKind != JsonValueKind.Object ||
                    schema.EnumerateObject().Any(p => p.Name is not ("format" or "$schema")) ||
                    !schema.TryGetProperty("format", out var format) ||
                    !FormatCheckers.TryGet(format.GetString()!, out _))
                {
                    continue;
                }

                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var data = test.GetProperty("data");
                    if (data.ValueKind == JsonValueKind.String)
                    {
                        yield return new SuiteCase(
                            Path.GetFileName(file), group.GetProperty("description").GetString()!, test.GetProperty("description").GetString()!,
                            format.GetString()!, data.GetString()!, test.GetProperty("valid").GetBoolean());
                    }
                }
            }
        }
    }

    /// <summary>One test of the suite.</summary>
    public sealed record SuiteCase(string File, string Group, string Test, string Format, string Data, bool Valid)
    {
        /// <summary>"file / group / test", unique in the suite.</summary>
        public string Id => $"{File} / {Group} / {Test}";

        public override string ToString() => Id;
    }
}
