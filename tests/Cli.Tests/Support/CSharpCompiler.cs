using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractKit.Cli.Tests.Support;

/// <summary>What compiling one C# file gave: the diagnostics, and the assembly when there were no errors.</summary>
internal sealed record Compilation(ImmutableArray<Diagnostic> Diagnostics, Assembly? Assembly)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The errors as compiler lines, for assertion messages.</summary>
    public string Report(string code) =>
        string.Join("\n", Errors.Select(e => e.ToString())) + "\n---\n" + code;
}

/// <summary>
/// Compiles C# with Roslyn against the reference assemblies of the running .NET (the SDK's
/// Microsoft.NETCore.App.Ref pack), with nullable reference types on, and loads the result.
/// </summary>
internal static class CSharpCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(FindReferences);

    // Several tests compile the same generated file; Roslyn takes a second or two each time.
    private static readonly ConcurrentDictionary<string, Lazy<Compilation>> Cache = new(StringComparer.Ordinal);

    public static Compilation Compile(string code) => Cache.GetOrAdd(code, text => new Lazy<Compilation>(() => CompileOnce(text))).Value;

    private static Compilation CompileOnce(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            return new Compilation(emitted.Diagnostics, null);
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new Compilation(emitted.Diagnostics, context.LoadFromStream(image));
    }

    private static ImmutableArray<MetadataReference> FindReferences()
    {
        // shared/Microsoft.NETCore.App/10.0.x/ → packs/Microsoft.NETCore.App.Ref/10.0.y/ref/net10.0/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var dotnetRoot = runtime.Parent!.Parent!.Parent!.FullName;
        var packs = new DirectoryInfo(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"));
        var moniker = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var folder = packs.Exists
            ? packs.GetDirectories($"{Environment.Version.Major}.*")
                .OrderByDescending(d => Version.TryParse(d.Name.Split('-')[0], out var version) ? version : new Version())
                .Select(d => Path.Combine(d.FullName, "ref", moniker))
                .FirstOrDefault(Directory.Exists)
            : null;
        if (folder is null)
        {
            Assert.Fail($"no reference assemblies for {moniker} under {packs.FullName}; the tests need the .NET SDK");
        }

        return [.. Directory.GetFiles(folder!, "*.dll").Select(path => MetadataReference.CreateFromFile(path))];
    }
}
