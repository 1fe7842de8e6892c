using System.Reflection;
using System.Xml.Linq;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Tests.Support;

namespace ContractKit.Contracts.Tests.Conventions;

/// <summary>Rules of the codebase that a reviewer would otherwise have to remember.</summary>
public class ConventionTests
{
    private static readonly Assembly Library = typeof(Contract).Assembly;

    [Test]
    public void The_model_is_immutable()
    {
        var mutable = Library.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("ContractKit.Contracts.Model", StringComparison.Ordinal) == true || t.Namespace == "ContractKit.Contracts.Values" || t.Namespace == "ContractKit.Contracts.Schemas")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true } setter &&
                        !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}");
        Assert.That(mutable, Is.Empty);
    }

    [Test]
    public void No_static_mutable_state()
    {
        var fields = Library.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<', StringComparison.Ordinal))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");
        Assert.That(fields, Is.Empty);
    }

    [Test]
    public void Contracts_depends_on_no_other_part_and_no_live_source()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", "Contracts", "Contracts.csproj"));
        Assert.That(project.Descendants("ProjectReference"), Is.Empty);
        var packages = project.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value);
        Assert.That(packages, Is.EquivalentTo(new[] { "YamlDotNet", "JsonSchema.Net", "Cronos" }));
    }
}
