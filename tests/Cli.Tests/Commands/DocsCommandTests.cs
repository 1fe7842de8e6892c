using ContractKit.Cli.Tests.Support;

namespace ContractKit.Cli.Tests.Commands;

public class DocsCommandTests
{
    private static string Contracts => Path.Combine(CliRunner.RepositoryRoot, "contracts");

    private static string Example(string name) => Path.Combine(Contracts, name);

    [Test]
    public async Task Html_goes_to_a_file_with_the_changelog_from_history()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("docs", Example("orders.yaml"), "--format", "html", "--out", Path.Combine(folder.Path, "site"));

        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        var file = Path.Combine(folder.Path, "site", "orders-service.html");
        Assert.That(result.Out, Does.Contain($"wrote {file} (orders-service 2.1.0, changelog from 2 earlier versions)"));
        var html = await File.ReadAllTextAsync(file);
        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("data-from=\"1.4.0\" data-to=\"2.0.0\"").And.Contain("⚠ Breaking"));
    }

    [Test]
    public async Task Markdown_goes_to_standard_output_by_default()
    {
        var result = await CliRunner.RunAsync("docs", Example("clickstream.yaml"));
        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.StartWith("# Web clickstream drop").And.Contain("> **Proposed — not yet agreed.").And.Contain("No earlier version: 0.4.0 is the first."));
    }

    [Test]
    public async Task An_explicit_history_folder_is_used()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Contracts, "history", "orders-service", "2.0.0.yaml"), Path.Combine(folder.Path, "2.0.0.yaml"));
        var result = await CliRunner.RunAsync("docs", Example("orders.yaml"), "--history", folder.Path);
        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.Contain("### orders-service 2.0.0 → 2.1.0").And.Not.Contain("1.4.0 → 2.0.0"));
    }

    [Test]
    public async Task A_missing_contract_exits_2()
    {
        var result = await CliRunner.RunAsync("docs", "/nonexistent/orders.yaml");
        Assert.That((result.ExitCode, result.Err.Trim()), Is.EqualTo((2, "contractkit: '/nonexistent/orders.yaml' does not exist")));
    }

    [Test]
    public async Task A_contract_that_does_not_lint_exits_2_with_its_findings()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.yaml", File.ReadAllText(Example("orders.yaml")).Replace("availability: 99.9%", "availability: 101%", StringComparison.Ordinal));
        var result = await CliRunner.RunAsync("docs", path);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("does not lint, so it cannot be documented").And.Contain("error invalid-percentage"));
        Assert.That(result.Err, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_history_of_another_contract_exits_2()
    {
        using var folder = new TempFolder();
        File.Copy(Example("payments.yaml"), Path.Combine(folder.Path, "payments.yaml"));
        var result = await CliRunner.RunAsync("docs", Example("orders.yaml"), "--history", folder.Path);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("is contract 'payments-db', not an earlier version of 'orders-service'"));
    }

    [Test]
    public async Task A_missing_history_folder_exits_2()
    {
        var result = await CliRunner.RunAsync("docs", Example("orders.yaml"), "--history", "/nonexistent/history");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--history '/nonexistent/history' does not exist"));
    }
}
