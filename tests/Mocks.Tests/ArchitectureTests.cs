using System.Xml.Linq;

namespace ContractKit.Mocks.Tests;

/// <summary>Simulators imitate sources and must stay independent of the probes that check them.</summary>
public class ArchitectureTests
{
    [Test]
    public void Mocks_references_only_Contracts()
    {
        var references = XDocument.Load(Path.Combine(TestRepository.Root, "src", "Mocks", "Mocks.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileName(r.Attribute("Include")!.Value));
        Assert.That(references, Is.EqualTo(new[] { "Contracts.csproj" }));
    }
}
