using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Tests.Support;

namespace ContractKit.Contracts.Tests.Linting;

public class ContractLinterTests
{
    [Test]
    public async Task The_example_contracts_are_clean()
    {
        var report = await ContractLinter.LintAsync([Repository.Contracts]);
        Assert.That(report.Files.Select(f => Path.GetFileName(f.Path)), Is.EquivalentTo(new[] { "orders.yaml", "payments.yaml", "clickstream.yaml", "1.4.0.yaml", "2.0.0.yaml" }),
            "schema files under contracts/ are not linted as contracts");
        Assert.That(report.Diagnostics, Is.Empty, string.Join("\n", report.Diagnostics));
    }

    [Test]
    public async Task A_broken_contract_does_not_hide_the_others()
    {
        using var folder = new TempFolder();
        File.Copy(Repository.Example("payments.yaml"), Path.Combine(folder.Path, "a-payments.yaml"));
        folder.Write("b-broken.yaml", "apiVersion: contractkit/v1\nid: [\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "nested"));
        File.Copy(Repository.Example("orders.yaml"), Path.Combine(folder.Path, "nested", "orders.yaml"));

        var report = await ContractLinter.LintAsync([folder.Path]);

        Assert.That(report.Files, Has.Length.EqualTo(3));
        Assert.That(report.Files.Count(f => f.Result.Succeeded), Is.EqualTo(2));
        Assert.That(report.Files.Single(f => !f.Result.Succeeded).Diagnostics.Single().Rule, Is.EqualTo(Rules.YamlSyntax));
        Assert.That(report.HasIoFailure, Is.False);
    }

    [Test]
    public async Task A_missing_path_is_an_io_failure_not_a_finding()
    {
        var report = await ContractLinter.LintAsync(["/nonexistent/contracts"]);
        Assert.That(report.Missing, Is.EqualTo(new[] { "/nonexistent/contracts" }));
        Assert.That(report.HasIoFailure, Is.True);
    }

    [Test]
    public async Task A_referenced_schema_is_checked_where_it_is_written()
    {
        using var folder = new TempFolder();
        var contract = File.ReadAllText(Repository.Example("clickstream.yaml"));
        folder.Write("clicks.yaml", contract);
        folder.Write("schemas/click-event.schema.json", """
            {
              "type": "object",
              "properties": {
                "event_id": { "type": "strng" }
              }
            }
            """);

        var report = await ContractLinter.LintAsync([folder.Path]);

        var finding = report.Diagnostics.Single(d => d.Rule == Rules.SchemaInvalid);
        Assert.That(finding.Span.File, Does.EndWith(Path.Combine("schemas", "click-event.schema.json")));
        Assert.That((finding.Span.Start.Line, finding.Span.Start.Column), Is.EqualTo((4, 27)));
        Assert.That(finding.Hint, Does.Contain("'string'"));
    }

    [Test]
    public async Task Advice_is_a_warning_and_names_the_place()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Repository.Example("payments.yaml")).Replace("    key: [refund_id]\n", "", StringComparison.Ordinal);
        var path = folder.Write("payments.yaml", text);

        var report = await ContractLinter.LintAsync([path]);

        var warning = report.Diagnostics.Single();
        Assert.That((warning.Rule, warning.Severity), Is.EqualTo((Rules.NoKey, Severity.Warning)));
        Assert.That(warning.Message, Does.Contain("'refunds'"));
        Assert.That(report.Errors, Is.Zero);
    }

    [Test]
    public async Task A_literal_secret_is_reported_without_its_value()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Repository.Example("payments.yaml"))
            .Replace("${env:PAYMENTS_DB}", "\"Host=db;Password=hunter2-literal\"", StringComparison.Ordinal);
        var path = folder.Write("payments.yaml", text);

        var report = await ContractLinter.LintAsync([path]);

        var finding = report.Diagnostics.Single();
        Assert.That(finding.Rule, Is.EqualTo(Rules.SecretInFile));
        Assert.That(finding.Message + finding.Hint, Does.Not.Contain("hunter2"));
    }
}
