using System.Collections.Immutable;

namespace ContractKit.Contracts.Linting;

/// <summary>The contract files named by command-line paths.</summary>
/// <param name="Files">Files to check, in a stable order.</param>
/// <param name="Missing">Paths that exist as neither file nor folder.</param>
public sealed record ContractFiles(ImmutableArray<string> Files, ImmutableArray<string> Missing)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private static readonly string[] SchemaSuffixes = [".schema.json", ".schema.yaml", ".schema.yml"];

    /// <summary>
    /// Expands files and folders. Folders are searched recursively for .yaml, .yml and .json files,
    /// skipping hidden folders and files named *.schema.json|yaml|yml, which hold schemas that
    /// contracts reference. A file named explicitly is always checked.
    /// </summary>
    public static ContractFiles Discover(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Search(path));
            }
            else
            {
                missing.Add(path);
            }
        }

        return new ContractFiles([.. files.Distinct(StringComparer.Ordinal)], [.. missing]);
    }

    private static IEnumerable<string> Search(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(current)
                .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Where(f => !SchemaSuffixes.Any(s => f.EndsWith(s, StringComparison.OrdinalIgnoreCase))));
            foreach (var child in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(child);
                if (!name.StartsWith('.') && name is not "node_modules" and not "bin" and not "obj")
                {
                    pending.Push(child);
                }
            }
        }

        return found.Order(StringComparer.Ordinal);
    }
}
