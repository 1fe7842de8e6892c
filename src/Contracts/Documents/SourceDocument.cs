namespace ContractKit.Contracts.Documents;

/// <summary>
/// A loaded YAML or JSON file: its tree of positioned nodes. Contracts and the schema files they
/// reference are both read into this form.
/// </summary>
public sealed class SourceDocument
{
    internal SourceDocument(string path, string fullPath, DocumentNode root)
    {
        Path = path;
        FullPath = fullPath;
        Root = root;
    }

    /// <summary>The path as the user gave it; findings print this.</summary>
    public string Path { get; }

    /// <summary>The absolute path, used to resolve relative references.</summary>
    public string FullPath { get; }

    /// <summary>The document's root node.</summary>
    public DocumentNode Root { get; }

    /// <summary>The node at a JSON Pointer, or null when nothing is there.</summary>
    public DocumentNode? Find(string pointer)
    {
        var tokens = JsonPointer.Parse(pointer);
        if (tokens is null)
        {
            return null;
        }

        var node = Root;
        foreach (var token in tokens)
        {
            node = node switch
            {
                MappingNode mapping => mapping[token],
                SequenceNode sequence when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Length => sequence.Items[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// The best place to point at for <paramref name="pointer"/>: the node itself, else the
    /// deepest ancestor that exists (a missing key is reported at its parent).
    /// </summary>
    public SourceSpan SpanOf(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (Find(current) is { } node)
            {
                return node.Span;
            }

            var slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return Root.Span;
            }

            current = current[..slash];
        }
    }

    /// <summary>Where the key of the entry at <paramref name="pointer"/> is written, when it is a mapping entry.</summary>
    public SourceSpan? KeySpanOf(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        if (slash < 0 || Find(pointer[..slash]) is not MappingNode parent)
        {
            return null;
        }

        var key = JsonPointer.Parse(pointer)?[^1];
        return key is null ? null : parent.Entry(key)?.KeySpan;
    }
}
