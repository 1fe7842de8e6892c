using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Tests.Support;

namespace ContractKit.Contracts.Tests.Compatibility;

/// <summary>
/// Changes to what a contract promises beyond the schema, one row per case, on the example
/// contracts. The product's rule (spec: "forward … every promise is at least as strong"): a
/// weaker promise breaks forward, a stronger one breaks backward (a replay of old data does not
/// meet it), informational changes break nothing. "C"/"B" for backward, forward, full.
/// </summary>
public class ContractChangeTests
{
    private static readonly string Orders = File.ReadAllText(Repository.Example("orders.yaml"));
    private static readonly string Payments = File.ReadAllText(Repository.Example("payments.yaml"));

    private static TestCaseData Case(string name, string text, string from, string to, string rules, string effects) =>
        new TestCaseData(text, from, to, rules, effects).SetName(name);

    /// <summary>The part of <paramref name="text"/> from where <paramref name="from"/> starts up to where <paramref name="to"/> starts.</summary>
    private static string Between(string text, string from, string to) =>
        text[text.IndexOf(from, StringComparison.Ordinal)..text.IndexOf(to, StringComparison.Ordinal)];

    /// <summary><paramref name="text"/> with <see cref="Between"/> replaced by <paramref name="replacement"/>.</summary>
    private static string Cut(string text, string from, string to, string replacement = "") =>
        text[..text.IndexOf(from, StringComparison.Ordinal)] + replacement + text[text.IndexOf(to, StringComparison.Ordinal)..];

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("freshness fail raised", Orders, "fail: 1h", "fail: 2h", "freshness-loosened", "C B B");
        yield return Case("freshness warn lowered", Orders, "warn: 15m", "warn: 5m", "freshness-tightened", "B C B");
        yield return Case("freshness removed", Orders, "    freshness: { warn: 15m, fail: 1h }\n", "", "freshness-loosened", "C B B");
        yield return Case("latency p95 raised", Orders, "p95: 800ms", "p95: 1s", "latency-loosened", "C B B");
        yield return Case("latency p99 lowered", Orders, "p99: 2s", "p99: 1500ms", "latency-tightened", "B C B");
        yield return Case("error rate raised", Orders, "errorRate: 1%", "errorRate: 2%", "error-rate-loosened", "C B B");
        yield return Case("error rate lowered", Orders, "errorRate: 1%", "errorRate: 0.5%", "error-rate-tightened", "B C B");
        yield return Case("availability lowered", Orders, "availability: 99.9%", "availability: 99.5%", "availability-lowered", "C B B");
        yield return Case("availability raised", Orders, "availability: 99.9%", "availability: 99.95%", "availability-raised", "B C B");
        yield return Case("support response shortened", Orders, "response: 4h", "response: 1h", "support-tightened", "B C B");
        yield return Case("volume max raised", Orders, "max: 50000", "max: 100000", "volume-range-widened", "C B B");
        yield return Case("volume min raised", Orders, "min: 100,", "min: 200,", "volume-range-narrowed", "B C B");
        yield return Case("volume window changed", Orders, "per: 1h, min: 100", "per: 1d, min: 100", "volume-window-changed", "B B B");
        yield return Case("quality check removed", Orders, "      - { check: nullRate, field: amount, max: 0% }\n", "", "quality-check-removed", "C B B");
        yield return Case("quality check loosened", Orders, "field: customer_email, max: 5%", "field: customer_email, max: 10%", "quality-check-loosened", "C B B");
        yield return Case("quality check tightened", Orders, "field: customer_email, max: 5%", "field: customer_email, max: 1%", "quality-check-tightened", "B C B");
        yield return Case("quality check added", Orders, "      - { check: duplicates, fields: [order_id], max: 0 }\n",
            "      - { check: duplicates, fields: [order_id], max: 0 }\n      - { check: nullRate, field: status, max: 0% }\n", "quality-check-added", "B C B");
        yield return Case("duplicates allowed", Orders, "fields: [order_id], max: 0", "fields: [order_id], max: 5", "quality-check-loosened", "C B B");
        yield return Case("sql check bound raised", Payments, "amount_cents = 0\", max: 0", "amount_cents = 0\", max: 10", "quality-check-loosened", "C B B");
        yield return Case("key changed", Orders, "key: [order_id]", "key: [order_id, created_at]", "key-changed", "B B B");
        yield return Case("key removed", Orders, "    key: [order_id]\n", "", "key-removed", "C B B");
        yield return Case("dataset removed", Payments, Between(Payments, "  - name: refunds", "sla:"), "\n", "dataset-removed", "C B B");
        yield return Case("dataset location changed", Orders, "path: /v1/orders", "path: /v2/orders", "dataset-location-changed", "B B B");
        yield return Case("cdc lag bound raised", Payments, "maxLag: 64MB", "maxLag: 128MB", "cdc-lag-loosened", "C B B");
        yield return Case("cdc lag bound lowered", Payments, "maxLag: 64MB", "maxLag: 32MB", "cdc-lag-tightened", "B C B");
        yield return Case("support response lengthened", Orders, "response: 4h", "response: 8h", "support-loosened", "C B B");
        yield return Case("event time dropped with what needs it", Orders, Between(Orders, "    eventTime: created_at", "    quality:"), "",
            "event-time-removed freshness-loosened volume-range-widened", "C B B");
        yield return Case("PII marking removed", Orders, "format: email, x-pii: true", "format: email, x-pii: false", "pii-marking-removed", "B B B");
        yield return Case("owner contact changed", Orders, "contact: \"#commerce-oncall\"", "contact: \"#orders-oncall\"", "owner-changed", "C C C");
        yield return Case("consumer added", Orders, "  - { team: finance, purpose: monthly revenue recognition }\n",
            "  - { team: finance, purpose: monthly revenue recognition }\n  - { team: marketing, purpose: campaigns }\n", "consumers-changed", "C C C");
        yield return Case("status active to deprecated", Orders, "status: active", "status: deprecated", "status-changed", "C C C");
        yield return Case("status active to retired", Orders, "status: active", "status: retired", "contract-retired", "B B B");
        yield return Case("declared compatibility changed", Orders, "compatibility: forward", "compatibility: full", "compatibility-changed", "C C C");
        yield return Case("description changed", Orders, "served by the commerce team's REST API.", "served by the commerce API.", "description-changed", "C C C");
        yield return Case("probe interval changed: no promise moves", Orders, "every: 5m", "every: 10m", "", "C C C");
    }

    /// <summary>Cases that need a change on both sides (an added field both versions share).</summary>
    private static IEnumerable<TestCaseData> PairCases()
    {
        var withPaidAt = Orders.Replace("        status: { type: string", "        paid_at: { type: string, format: date-time }\n        status: { type: string", StringComparison.Ordinal);
        yield return new TestCaseData(withPaidAt, withPaidAt.Replace("eventTime: created_at", "eventTime: paid_at", StringComparison.Ordinal), "event-time-changed", "B B B")
            .SetName("event time moved to another field");
        var withoutEventTime = Cut(Orders, "    eventTime: created_at", "    quality:");
        yield return new TestCaseData(withoutEventTime, Orders, "event-time-added freshness-tightened volume-range-narrowed", "B C B").SetName("event time declared with freshness and volume");
        yield return new TestCaseData(Payments.Replace("    key: [refund_id]\n", "", StringComparison.Ordinal), Payments, "key-added", "B C B").SetName("key declared");
        var clicks = File.ReadAllText(Repository.Example("clickstream.yaml"));
        yield return new TestCaseData(clicks, clicks.Replace("  kind: files", "  kind: webhook", StringComparison.Ordinal)
                .Replace("files: { path: \"drops/clicks/*.jsonl\", format: jsonl }", "webhook: { path: /hooks/clicks }", StringComparison.Ordinal),
                "dataset-location-changed source-kind-changed", "B B B")
            .SetName("file drop became a webhook");
        var withoutRefunds = Cut(Payments, "  - name: refunds", "sla:", "\n");
        yield return new TestCaseData(withoutRefunds, Payments, "dataset-added", "B C B").SetName("dataset added");
        yield return new TestCaseData(File.ReadAllText(Path.Combine(Repository.Contracts, "history", "orders-service", "1.4.0.yaml")),
                File.ReadAllText(Path.Combine(Repository.Contracts, "history", "orders-service", "2.0.0.yaml")),
                "enum-value-added freshness-loosened latency-loosened owner-changed required-property-added-closed-model type-extended", "B B B")
            .SetName("orders-service 1.4.0 to 2.0.0");
        yield return new TestCaseData(File.ReadAllText(Path.Combine(Repository.Contracts, "history", "orders-service", "2.0.0.yaml")), Orders,
                "availability-raised bound-tightened description-changed quality-check-added", "B C B")
            .SetName("orders-service 2.0.0 to 2.1.0");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Contract_change(string text, string from, string to, string rules, string effects)
    {
        Assert.That(text, Does.Contain(from), "the case must change something");
        await Check(text, text.Replace(from, to, StringComparison.Ordinal), rules, effects);
    }

    [TestCaseSource(nameof(PairCases))]
    public async Task Contract_versions(string old, string @new, string rules, string effects) => await Check(old, @new, rules, effects);

    private static async Task Check(string old, string @new, string rules, string effects)
    {
        var diff = await DiffHarness.DiffAsync(old, @new);
        Assert.Multiple(() =>
        {
            Assert.That(DiffHarness.Rules(diff), Is.EqualTo(rules), DiffHarness.Describe(diff));
            Assert.That(DiffHarness.Effects(diff), Is.EqualTo(effects), DiffHarness.Describe(diff));
        });
    }

    [Test]
    public void There_are_at_least_20_contract_cases() => Assert.That(Cases().Count() + PairCases().Count(), Is.GreaterThanOrEqualTo(20));

    [Test]
    public void Every_contract_rule_has_a_case()
    {
        var covered = Cases().Select(c => (string)c.Arguments[3]!).Concat(PairCases().Select(c => (string)c.Arguments[2]!))
            .SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var missing = ChangeRules.All.Where(r => r.Area == ChangeArea.Contract && !covered.Contains(r.Id)).Select(r => r.Id);
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Changes_carry_positions_in_both_files()
    {
        var diff = await DiffHarness.DiffAsync(Orders, Orders.Replace("fail: 1h", "fail: 2h", StringComparison.Ordinal));
        var change = diff.Changes.Single();
        Assert.That((change.Dataset, change.Pointer, change.Old, change.New), Is.EqualTo(("orders", "/datasets/0/freshness/fail", "1h", "2h")));
        Assert.That((change.OldSpan!.Start.Line, change.NewSpan!.Start.Line), Is.EqualTo((50, 50)));
    }

    [Test]
    public async Task Schema_changes_name_the_field_and_pointer()
    {
        var diff = await DiffHarness.DiffAsync(Orders, Orders.Replace("enum: [placed, paid, shipped, cancelled]", "enum: [placed, paid, shipped, cancelled, refunded]", StringComparison.Ordinal));
        var change = diff.Changes.Single();
        Assert.That((change.RuleId, change.Field, change.Pointer, change.New), Is.EqualTo(("enum-value-added", "status", "/properties/status/enum", "\"refunded\"")));
        Assert.That(change.NewSpan!.Start.Line, Is.EqualTo(36));
    }
}
