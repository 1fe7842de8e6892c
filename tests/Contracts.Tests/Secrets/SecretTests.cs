using ContractKit.Contracts.Secrets;

namespace ContractKit.Contracts.Tests.Secrets;

public class SecretTests
{
    [Test]
    public void Templates_keep_literal_parts_and_references()
    {
        var text = SecretText.Parse("https://${env:API_HOST}/v1?key=${file:secrets/key}");
        Assert.That(text.References, Is.EqualTo(new[] { new SecretRef(SecretProvider.Environment, "API_HOST"), new SecretRef(SecretProvider.File, "secrets/key") }));
        Assert.That(text.IsSingleReference, Is.False);
        Assert.That(SecretText.Parse("${env:DB}").IsSingleReference, Is.True);
        Assert.That(text.ToString(), Is.EqualTo("https://${env:API_HOST}/v1?key=${file:secrets/key}"));
    }

    [TestCase("${env:}", "names no variable")]
    [TestCase("${env:1BAD}", "not an environment variable name")]
    [TestCase("${vault:x}", "'vault' is not a secret provider")]
    [TestCase("https://${env:HOST", "never closed")]
    [TestCase("${file:}", "names no file")]
    public void Rejects_malformed_references(string text, string message)
    {
        Assert.That(SecretText.TryParse(text, out _, out var error, out _), Is.False);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task Resolves_environment_and_file_references_and_never_prints_the_value()
    {
        using var folder = new TempFolder();
        folder.Write("secrets/token", "s3cr3t-file\n");
        var resolver = new EnvironmentSecretResolver(folder.Path, name => name == "PASSWORD" ? "hunter2" : null);

        var resolution = await resolver.ResolveAsync(SecretText.Parse("${env:PASSWORD}:${file:secrets/token}"), CancellationToken.None);

        Assert.That(resolution.Secret!.Reveal(), Is.EqualTo("hunter2:s3cr3t-file"));
        Assert.That(resolution.Secret.ToString(), Is.EqualTo("***"));
        Assert.That($"{resolution.Secret}", Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Names_a_missing_variable_without_any_value()
    {
        var resolver = new EnvironmentSecretResolver("/tmp", _ => null);
        var resolution = await resolver.ResolveAsync(SecretText.Parse("${env:ORDERS_TOKEN}"), CancellationToken.None);
        Assert.That(resolution.Succeeded, Is.False);
        Assert.That(resolution.Error, Does.Contain("ORDERS_TOKEN is not set"));
    }
}
