using System.Xml.Linq;

namespace ContractKit.Cli.Tests;

/// <summary>Which project may use which package, where a reviewer would otherwise have to remember.</summary>
public class DependencyTests
{
    [Test]
    public void Only_the_cli_references_NJsonSchema()
    {
        // NJsonSchema passes records that break keywords it ignores: it generates code and drafts
        // schemas in the CLI, and never validates records in the libraries.
        var referencing = Directory.GetFiles(Path.Combine(TestRepository.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(project => XDocument.Load(project).Descendants("PackageReference")
                .Any(p => p.Attribute("Include")!.Value.StartsWith("NJsonSchema", StringComparison.Ordinal)))
            .Select(project => Path.GetFileName(project));
        Assert.That(referencing, Is.EqualTo(new[] { "Cli.csproj" }));
    }
}
