using ContractKit.Contracts.Documentation;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Tests.Support;
using Snapshooter;
using Snapshooter.NUnit;

namespace ContractKit.Contracts.Tests.Documentation;

/// <summary>The negotiation document: Markdown snapshots of the example contracts, and what any page must say.</summary>
public class ContractDocsTests
{
    private static Contract Load(string path)
    {
        var result = ContractLoader.LoadFileAsync(path).GetAwaiter().GetResult();
        Assert.That(result.Contract, Is.Not.Null, string.Join("\n", result.Diagnostics));
        return result.Contract!;
    }

    private static IReadOnlyList<Contract> OrdersHistory() =>
        [Load(Path.Combine(Repository.Contracts, "history", "orders-service", "1.4.0.yaml")), Load(Path.Combine(Repository.Contracts, "history", "orders-service", "2.0.0.yaml"))];

    // Snapshots live in __snapshots__/ beside this file and are committed; a changed rendering fails until reviewed.
    [Test]
    public void Orders_markdown_matches_its_snapshot() =>
        Snapshot.Match(ContractDocs.ToMarkdown(Load(Repository.Example("orders.yaml")), OrdersHistory()), SnapshotNameExtension.Create("orders"));

    [Test]
    public void Payments_markdown_matches_its_snapshot() =>
        Snapshot.Match(ContractDocs.ToMarkdown(Load(Repository.Example("payments.yaml")), []), SnapshotNameExtension.Create("payments"));

    [Test]
    public void Clickstream_markdown_matches_its_snapshot() =>
        Snapshot.Match(ContractDocs.ToMarkdown(Load(Repository.Example("clickstream.yaml")), []), SnapshotNameExtension.Create("clickstream"));

    [Test]
    public void A_proposed_contract_carries_the_not_yet_agreed_banner_in_both_formats()
    {
        var clicks = Load(Repository.Example("clickstream.yaml"));
        Assert.That(ContractDocs.ToMarkdown(clicks, []), Does.Contain("> **Proposed — not yet agreed."));
        Assert.That(ContractDocs.ToHtml(clicks, []), Does.Contain("<div class=\"banner\" role=\"note\" data-status=\"proposed\">Proposed — not yet agreed."));
        Assert.That(ContractDocs.ToMarkdown(Load(Repository.Example("orders.yaml")), []), Does.Not.Contain("not yet agreed"));
    }

    [Test]
    public void Promises_read_as_sentences()
    {
        var markdown = ContractDocs.ToMarkdown(Load(Repository.Example("orders.yaml")), []);
        Assert.That(markdown, Does.Contain("New records in orders are queryable within 15 minutes; a delay over 1 hour is an incident."));
        Assert.That(markdown, Does.Contain("Between 100 and 50,000 records arrive per hour."));
        Assert.That(markdown, Does.Contain("Requests complete: 95% within 800 milliseconds, 99% within 2 seconds."));
        Assert.That(markdown, Does.Contain("At most 5% of records have customer\\_email null or missing."));
    }

    [Test]
    public void The_changelog_lists_newest_first_with_breaking_changes_first()
    {
        var markdown = ContractDocs.ToMarkdown(Load(Repository.Example("orders.yaml")), OrdersHistory());
        var newest = markdown.IndexOf("### orders-service 2.0.0 → 2.1.0", StringComparison.Ordinal);
        var older = markdown.IndexOf("### orders-service 1.4.0 → 2.0.0", StringComparison.Ordinal);
        Assert.That(newest, Is.GreaterThan(0).And.LessThan(older));
        var rows = markdown[older..].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains('`', StringComparison.Ordinal)).ToList();
        Assert.That(rows.Select(r => r.Contains("**breaking**", StringComparison.Ordinal)), Is.EqualTo(new[] { true, true, true, true, true, false }));
    }

    [Test]
    public void Secret_references_never_appear()
    {
        foreach (var name in new[] { "orders.yaml", "payments.yaml", "clickstream.yaml" })
        {
            var contract = Load(Repository.Example(name));
            Assert.That(ContractDocs.ToMarkdown(contract, []) + ContractDocs.ToHtml(contract, []), Does.Not.Contain("${").And.Not.Contain("env:"), name);
        }
    }

    [Test]
    public void The_html_is_self_contained()
    {
        var html = ContractDocs.ToHtml(Load(Repository.Example("orders.yaml")), OrdersHistory());
        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("<style>"));
        Assert.That(html, Does.Not.Match("<(link|script|img|iframe)[ >]"), "no external resource and no script");
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("url("));
    }

    [Test]
    public void Text_from_the_contract_is_escaped_in_html()
    {
        var orders = File.ReadAllText(Repository.Example("orders.yaml")).Replace("title: Orders service", "title: \"Orders <script>alert(1)</script>\"", StringComparison.Ordinal);
        var contract = ContractLoader.LoadTextAsync(orders, "orders.yaml", Repository.Example("orders.yaml")).GetAwaiter().GetResult().Contract!;
        Assert.That(ContractDocs.ToHtml(contract, []), Does.Contain("Orders &lt;script&gt;alert(1)&lt;/script&gt;").And.Not.Contain("<script>"));
    }

    [Test]
    public void Versions_of_another_contract_are_refused()
    {
        Assert.That(() => ContractDocs.ToMarkdown(Load(Repository.Example("orders.yaml")), [Load(Repository.Example("payments.yaml")) with { Version = ContractKit.Contracts.Values.SemVersion.Parse("0.1.0") }]),
            Throws.ArgumentException.With.Message.Contains("is not a version of 'orders-service'"));
    }
}
