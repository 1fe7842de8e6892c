using System.Xml.Linq;

namespace ContractKit.Probes.Tests;

/// <summary>Probes check live sources and must stay independent of the simulators that imitate them.</summary>
public class ArchitectureTests
{
    [Test]
    public void Probes_references_only_Contracts()
    {
        var references = ProjectReferences(Path.Combine("src", "Probes", "Probes.csproj"));
        Assert.That(references, Is.EqualTo(new[] { "Contracts.csproj" }));
    }

    internal static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(Path.Combine(TestRepository.Root, project))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileName(r.Attribute("Include")!.Value));
}
