using System.Xml.Linq;

namespace ContractKit.Mocks.Tests;

/// <summary>Simulators imitate sources and must stay independent of the probes that check them.</summary>
public class ArchitectureTests
{
    [Test]
    public void Mocks_references_only_Contracts()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ContractKit.sln")))
        {
            root = root.Parent!;
        }

        var references = XDocument.Load(Path.Combine(root.FullName, "src", "Mocks", "Mocks.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileName(r.Attribute("Include")!.Value));
        Assert.That(references, Is.EqualTo(new[] { "Contracts.csproj" }));
    }
}
