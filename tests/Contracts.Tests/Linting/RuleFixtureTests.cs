using System.Text.RegularExpressions;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Tests.Support;

namespace ContractKit.Contracts.Tests.Linting;

/// <summary>
/// Each file under Fixtures/lint/&lt;rule-id&gt;/ is a contract with one mistake. Its first line
/// (or a .expect file beside it, for fixtures whose bytes must stay as they are) says which finding
/// it must produce: <c># expect: rule-id line:column</c>. The fixture must produce exactly that
/// finding and nothing else.
/// </summary>
public partial class RuleFixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        Directory.EnumerateFiles(Repository.LintFixtures, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetRelativePath(Repository.LintFixtures, path)).SetName($"Fixture {Path.GetRelativePath(Repository.LintFixtures, path)}"));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Produces_exactly_its_expected_finding(string fixture)
    {
        var path = Path.Combine(Repository.LintFixtures, fixture);
        var expected = Expectation(path);
        Assert.That(Path.GetFileName(Path.GetDirectoryName(path)), Is.EqualTo(expected.Rule), "a fixture lives in the folder of its rule");

        var report = await ContractLinter.LintAsync([path]);
        var findings = report.Diagnostics.Select(d => $"{d.Rule.Id} {d.Span.Start.Line}:{d.Span.Start.Column}").ToList();

        Assert.That(findings, Is.EqualTo(new[] { $"{expected.Rule} {expected.Line}:{expected.Column}" }),
            string.Join("\n", report.Diagnostics));
        var finding = report.Diagnostics.Single();
        Assert.That(finding.Message, Is.Not.Empty);
        Assert.That(finding.Hint, Is.Not.Empty);
    }

    [Test]
    public void Every_rule_has_a_fixture()
    {
        var covered = Directory.EnumerateDirectories(Repository.LintFixtures).Select(Path.GetFileName).ToHashSet();

        // An unreadable file cannot be committed as a fixture; LinterTests covers it with a missing path.
        var missing = Rules.All.Select(r => r.Id).Where(id => !covered.Contains(id) && id != Rules.FileUnreadable.Id);
        Assert.That(missing, Is.Empty);
        Assert.That(covered.Where(c => Rules.Find(c!) is null), Is.Empty, "fixture folders name existing rules");
    }

    private static (string Rule, int Line, int Column) Expectation(string path)
    {
        var line = File.Exists(path + ".expect") ? File.ReadAllText(path + ".expect") : File.ReadLines(path).First();
        var match = ExpectPattern().Match(line);
        Assert.That(match.Success, Is.True, $"{path} has no '# expect: rule line:column' line");
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?:# expect: )?([a-z0-9-]+) (\d+):(\d+)")]
    private static partial Regex ExpectPattern();
}
