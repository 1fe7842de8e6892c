using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Tests.Support;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Tests.Compatibility;

/// <summary>The verdict: declared mode (incl. _transitive), semver bump, version unchanged.</summary>
public class VerdictTests
{
    private static readonly string Orders = File.ReadAllText(Repository.Example("orders.yaml"));

    private static string Version(string text, string version) => text.Replace("version: 2.1.0", $"version: {version}", StringComparison.Ordinal);

    private static async Task<Verdict> Judge(string old, string @new) => Verdict.Judge(await DiffHarness.DiffAsync(old, @new));

    private static string Codes(Verdict verdict) => string.Join(' ', verdict.Failures.Select(f => f.Code));

    [Test]
    public async Task A_compatible_change_with_a_minor_bump_passes()
    {
        var verdict = await Judge(Orders, Version(Orders, "2.2.0").Replace("p95: 800ms", "p95: 500ms", StringComparison.Ordinal));
        Assert.That((verdict.Passed, verdict.Required, verdict.Actual), Is.EqualTo((true, VersionBump.Minor, VersionBump.Minor)));
    }

    [Test]
    public async Task A_change_that_breaks_the_declared_mode_fails_even_with_a_major_bump()
    {
        var verdict = await Judge(Orders, Version(Orders, "3.0.0").Replace("fail: 1h", "fail: 2h", StringComparison.Ordinal));
        Assert.That((Codes(verdict), verdict.Required, verdict.Actual), Is.EqualTo(("breaks-compatibility", VersionBump.Major, VersionBump.Major)));
        Assert.That(verdict.Failures[0].Message, Does.Contain("forward").And.Contain("freshness-loosened"));
    }

    [Test]
    public async Task A_breaking_change_without_a_major_bump_fails_twice()
    {
        var verdict = await Judge(Orders, Version(Orders, "2.2.0").Replace("fail: 1h", "fail: 2h", StringComparison.Ordinal));
        Assert.That(Codes(verdict), Is.EqualTo("breaks-compatibility needs-major"));
        Assert.That(verdict.Failures[1].Message, Does.Contain("2.1.0 → 3.0.0"));
    }

    [Test]
    public async Task Under_none_nothing_breaks_the_mode_but_semver_still_needs_a_major()
    {
        var none = Orders.Replace("compatibility: forward", "compatibility: none", StringComparison.Ordinal);
        var minor = await Judge(none, Version(none, "2.2.0").Replace("fail: 1h", "fail: 2h", StringComparison.Ordinal));
        var major = await Judge(none, Version(none, "3.0.0").Replace("fail: 1h", "fail: 2h", StringComparison.Ordinal));
        Assert.That((Codes(minor), Codes(major)), Is.EqualTo(("needs-major", "")));
    }

    [Test]
    public async Task Backward_mode_accepts_what_forward_rejects()
    {
        var backward = Orders.Replace("compatibility: forward", "compatibility: backward", StringComparison.Ordinal);
        var verdict = await Judge(backward, Version(backward, "2.2.0").Replace("enum: [placed, paid, shipped, cancelled]", "enum: [placed, paid, shipped, cancelled, refunded]", StringComparison.Ordinal));
        Assert.That((verdict.Passed, verdict.Required), Is.EqualTo((true, VersionBump.Minor)));
    }

    [Test]
    public async Task Content_changed_with_the_same_version_fails()
    {
        var verdict = await Judge(Orders, Orders.Replace("every: 5m", "every: 10m", StringComparison.Ordinal));
        Assert.That((Codes(verdict), verdict.Required), Is.EqualTo(("version-unchanged", VersionBump.Patch)));
        Assert.That(verdict.Failures[0].Message, Does.Contain("raise it to 2.1.1"));
    }

    [Test]
    public async Task Nothing_changed_passes_with_no_bump()
    {
        var verdict = await Judge(Orders, Orders);
        Assert.That((verdict.Passed, verdict.Required, verdict.Actual), Is.EqualTo((true, VersionBump.None, VersionBump.None)));
    }

    [Test]
    public async Task A_lower_version_fails()
    {
        var verdict = await Judge(Orders, Version(Orders, "2.0.5"));
        Assert.That(Codes(verdict), Is.EqualTo("version-lowered"));
    }

    [Test]
    public async Task A_pii_regression_fails_whatever_the_mode()
    {
        var none = Orders.Replace("compatibility: forward", "compatibility: none", StringComparison.Ordinal);
        var verdict = await Judge(none, Version(none, "3.0.0").Replace("x-pii: true", "x-pii: false", StringComparison.Ordinal));
        Assert.That(Codes(verdict), Is.EqualTo("always-flagged"));
        Assert.That(verdict.Failures[0].Message, Does.Contain("pii-marking-removed at orders › customer_email"));
    }

    [Test]
    public async Task Transitive_modes_check_every_earlier_version()
    {
        // 1.0.0 promised p95 500ms, 1.1.0 loosened to 800ms under backward (compatible there), 1.2.0 is then checked under
        // forward_transitive: fine against 1.1.0, breaking against 1.0.0.
        var v1 = Version(Orders, "1.0.0").Replace("p95: 800ms", "p95: 500ms", StringComparison.Ordinal);
        var v2 = Version(Orders, "1.1.0");
        var v3 = Version(Orders, "1.2.0").Replace("compatibility: forward", "compatibility: forward_transitive", StringComparison.Ordinal).Replace("every: 5m", "every: 10m", StringComparison.Ordinal);
        var (c1, c2, c3) = (await DiffHarness.LoadAsync(v1), await DiffHarness.LoadAsync(v2), await DiffHarness.LoadAsync(v3));

        var plain = Verdict.Judge(ContractDiff.Compare(c2, c3));
        var transitive = Verdict.Judge(ContractDiff.Compare(c2, c3), [ContractDiff.Compare(c1, c3)]);
        var notTransitive = Verdict.Judge(ContractDiff.Compare(c2, c3 with { Compatibility = c2.Compatibility }), [ContractDiff.Compare(c1, c3)]);

        Assert.That((plain.Passed, notTransitive.Passed), Is.EqualTo((true, true)));
        Assert.That(Codes(transitive), Is.EqualTo("breaks-compatibility"));
        Assert.That(transitive.Failures[0].Message, Does.Contain("against 1.0.0"));
    }

    [TestCase("1.2.3", "1.2.4", VersionBump.Patch)]
    [TestCase("1.2.3", "1.3.0", VersionBump.Minor)]
    [TestCase("1.2.3", "2.0.0", VersionBump.Major)]
    [TestCase("0.4.0", "0.5.0", VersionBump.Major)]
    [TestCase("0.4.0", "0.4.1", VersionBump.Minor)]
    [TestCase("2.0.0-rc.1", "2.0.0", VersionBump.Patch)]
    [TestCase("1.2.3", "1.2.3", VersionBump.None)]
    public void Actual_bump(string old, string @new, VersionBump bump) =>
        Assert.That(Verdict.ActualBump(SemVersion.Parse(old), SemVersion.Parse(@new)), Is.EqualTo(bump));

    [Test]
    public async Task Different_ids_are_not_compared()
    {
        var orders = await DiffHarness.LoadAsync(Orders);
        var other = await DiffHarness.LoadAsync(Orders.Replace("id: orders-service", "id: other-service", StringComparison.Ordinal));
        Assert.That(() => ContractDiff.Compare(orders, other), Throws.ArgumentException.With.Message.Contains("different contracts"));
    }
}
