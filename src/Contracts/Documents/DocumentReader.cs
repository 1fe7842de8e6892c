using System.Collections.Immutable;
using System.Text;
using ContractKit.Contracts.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractKit.Contracts.Documents;

/// <summary>
/// Reads YAML (and JSON, its subset) into a <see cref="SourceDocument"/>. Everything wrong with the
/// text itself — not UTF-8, empty, syntax, duplicate keys — comes back as a diagnostic with its
/// line and column; nothing here throws for bad input.
/// </summary>
public static class DocumentReader
{
    // Aliases may repeat a subtree; a file that expands to more nodes than this is an alias bomb.
    private const int MaxNodes = 1_000_000;

    /// <summary>The outcome of reading one file.</summary>
    /// <param name="Document">The document, or null when it could not be read.</param>
    /// <param name="Diagnostics">What was wrong; empty on success.</param>
    public sealed record Result(SourceDocument? Document, ImmutableArray<Diagnostic> Diagnostics);

    /// <summary>Reads a file from disk. I/O failures become a <see cref="Rules.FileUnreadable"/> finding.</summary>
    /// <param name="path">The path as the user wrote it (kept for messages).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<Result> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        ReadFileAsync(path, Path.GetFullPath(path), cancellationToken);

    /// <summary>
    /// Reads the file at <paramref name="fullPath"/>, showing it as <paramref name="path"/>: a
    /// schema that a contract loaded from memory references is read from beside the contract,
    /// whatever the current directory.
    /// </summary>
    /// <param name="path">The path to show in findings.</param>
    /// <param name="fullPath">The absolute path to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<Result> ReadFileAsync(string path, string fullPath, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(Diagnostic.Create(Rules.FileUnreadable, SourceSpan.StartOf(path), DescribeIoError(path, e)));
        }

        return Read(bytes, path, fullPath);
    }

    /// <summary>Reads UTF-8 bytes.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="path">The path to show in findings.</param>
    /// <param name="fullPath">The absolute path, for resolving relative references.</param>
    public static Result Read(ReadOnlySpan<byte> bytes, string path, string fullPath)
    {
        if (FindNonText(bytes) is { } offending)
        {
            return Fail(Diagnostic.Create(Rules.FileNotText, SourceSpan.At(path, offending.Line, offending.Column),
                offending.Reason));
        }

        var text = new UTF8Encoding(false, true).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return Read(text, path, fullPath);
    }

    /// <summary>Reads text that is already decoded.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="path">The path to show in findings.</param>
    /// <param name="fullPath">The absolute path, for resolving relative references.</param>
    public static Result Read(string text, string path, string fullPath)
    {
        var builder = new TreeBuilder(path, text);
        try
        {
            var root = builder.Build();
            if (builder.Diagnostics.Count > 0)
            {
                return new Result(null, [.. builder.Diagnostics]);
            }

            return root is null
                ? Fail(Diagnostic.Create(Rules.FileEmpty, SourceSpan.StartOf(path), "the file holds no YAML or JSON document"))
                : new Result(new SourceDocument(path, fullPath, root), []);
        }
        catch (YamlException e)
        {
            return Fail(SyntaxError(path, text, e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed plain scalars (seen with
            // "required:> [a]" and unclosed flow mappings); the last event it read is the place to look.
            var at = builder.LastPosition;
            return Fail(Diagnostic.Create(Rules.YamlSyntax, SourceSpan.At(path, at.Line, at.Column),
                "the YAML cannot be read past this point", "check the quotes, brackets and colons that follow"));
        }
    }

    private static Result Fail(Diagnostic diagnostic) => new(null, [diagnostic]);

    private static string DescribeIoError(string path, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"'{path}' does not exist",
        UnauthorizedAccessException => $"'{path}' cannot be read: permission denied",
        _ => $"'{path}' cannot be read: {e.Message}",
    };

    private static Diagnostic SyntaxError(string path, string text, YamlException e)
    {
        var message = e.Message.TrimEnd('.');
        var line = (int)e.Start.Line;
        var column = (int)e.Start.Column;

        // YamlDotNet points tab errors at the enclosing mapping; the tab itself is what to fix.
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentingTab(text) is { } tab)
        {
            return Diagnostic.Create(Rules.YamlSyntax, SourceSpan.At(path, tab.Line, tab.Column),
                "a tab character indents this line; YAML indentation must be spaces", "replace the tab with spaces");
        }

        if (message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
        {
            // An unclosed quote runs into the following lines; YAML reports where it started.
            return Diagnostic.Create(Rules.YamlSyntax, SourceSpan.At(path, line, column),
                "this quoted string is never closed", "add the closing quote on the same line");
        }

        var reason = message.StartsWith("While ", StringComparison.Ordinal) ? char.ToLowerInvariant(message[6]) + message[7..] : message;
        return Diagnostic.Create(Rules.YamlSyntax, SourceSpan.At(path, line, column), reason);
    }

    private static SourcePosition? FindIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            for (var j = 0; j < lines[i].Length; j++)
            {
                if (lines[i][j] == '\t')
                {
                    return new SourcePosition(i + 1, j + 1);
                }

                if (lines[i][j] != ' ')
                {
                    break;
                }
            }
        }

        return null;
    }

    private static (int Line, int Column, string Reason)? FindNonText(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var column = 1;
        var i = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == 0)
            {
                return (line, column, "the file is binary (it contains a NUL byte), not a YAML or JSON contract");
            }

            if (b < 0x80)
            {
                if (b == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }

                i++;
                continue;
            }

            var length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
            if (length == 0 || i + length > bytes.Length ||
                System.Text.Unicode.Utf8.IsValid(bytes.Slice(i, length)) is false)
            {
                return (line, column, $"the file is not UTF-8 text (byte 0x{b:X2} at offset {i})");
            }

            column++;
            i += length;
        }

        return null;
    }

    /// <summary>Builds the node tree from parser events.</summary>
    private sealed class TreeBuilder(string path, string text)
    {
        private readonly Parser _parser = new(new StringReader(text));
        private readonly Dictionary<string, DocumentNode> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public List<Diagnostic> Diagnostics { get; } = [];

        /// <summary>Where the parser last stood, for errors the parser does not locate itself.</summary>
        public SourcePosition LastPosition =>
            _parser.Current is { } current ? new SourcePosition((int)current.End.Line, (int)current.End.Column) : SourcePosition.Start;

        public DocumentNode? Build()
        {
            _parser.Consume<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            _parser.Consume<DocumentStart>();
            var root = ReadNode(JsonPointer.Root);
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var second))
            {
                Diagnostics.Add(Diagnostic.Create(Rules.YamlMultipleDocuments, At(second.Start),
                    "a second YAML document starts here; a contract file holds exactly one"));
            }

            return root;
        }

        private SourceSpan At(Mark start) => SourceSpan.At(path, (int)start.Line, (int)start.Column);

        private SourceSpan Span(ParsingEvent e) =>
            new(path, new SourcePosition((int)e.Start.Line, (int)e.Start.Column), new SourcePosition((int)e.End.Line, (int)e.End.Column));

        private DocumentNode ReadNode(string pointer)
        {
            if (++_nodes > MaxNodes)
            {
                throw new AliasBombException();
            }

            var current = _parser.Current ?? throw new YamlException("unexpected end of the document");
            switch (current)
            {
                case AnchorAlias alias:
                    _parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                    {
                        throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} names no anchor");
                    }

                    return Copy(anchored, pointer);

                case Scalar scalar:
                    _parser.MoveNext();
                    return Remember(scalar, new ScalarNode(Span(scalar), pointer, scalar.Value, ResolveKind(scalar)));

                case SequenceStart start:
                    {
                        CheckTag(start, "tag:yaml.org,2002:seq");
                        _parser.MoveNext();
                        var items = ImmutableArray.CreateBuilder<DocumentNode>();
                        while (!_parser.TryConsume<SequenceEnd>(out _))
                        {
                            items.Add(ReadNode(JsonPointer.Append(pointer, items.Count)));
                        }

                        return Remember(start, new SequenceNode(Span(start), pointer, items.ToImmutable()));
                    }

                case MappingStart start:
                    {
                        CheckTag(start, "tag:yaml.org,2002:map");
                        _parser.MoveNext();
                        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
                        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
                        while (!_parser.TryConsume<MappingEnd>(out _))
                        {
                            var keyEvent = _parser.Current!;
                            var keyNode = ReadNode(pointer + "/?");
                            if (keyNode is not ScalarNode key)
                            {
                                Diagnostics.Add(Diagnostic.Create(Rules.YamlUnsupported, keyNode.Span,
                                    "a mapping key is itself a mapping or sequence; keys must be plain text"));
                                ReadNode(pointer + "/?");
                                continue;
                            }

                            var keySpan = Span(keyEvent);
                            if (key.Text == "<<" && key.Kind == ScalarKind.String && keyEvent is Scalar { Style: ScalarStyle.Plain })
                            {
                                Diagnostics.Add(Diagnostic.Create(Rules.YamlUnsupported, keySpan,
                                    "YAML merge keys (<<) are not supported; they are not part of YAML 1.2"));
                            }

                            var value = ReadNode(JsonPointer.Append(pointer, key.Text));
                            if (seen.TryGetValue(key.Text, out var first))
                            {
                                Diagnostics.Add(Diagnostic.Create(Rules.YamlDuplicateKey, keySpan,
                                    $"the key '{key.Text}' appears twice in this mapping (first at line {first.Start.Line})",
                                    "remove or rename one of the two keys"));
                                continue;
                            }

                            seen[key.Text] = keySpan;
                            entries.Add(new MappingEntry(key.Text, keySpan, value));
                        }

                        return Remember(start, new MappingNode(Span(start), pointer, entries.ToImmutable()));
                    }

                default:
                    throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        private ScalarKind ResolveKind(Scalar scalar)
        {
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            switch (tag)
            {
                case null:
                    return scalar.Style == ScalarStyle.Plain ? ScalarResolver.Resolve(scalar.Value) : ScalarKind.String;
                case "!" or "tag:yaml.org,2002:str":
                    return ScalarKind.String;
                case "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null":
                    var resolved = ScalarResolver.Resolve(scalar.Value);
                    var expected = tag switch
                    {
                        "tag:yaml.org,2002:int" => ScalarKind.Integer,
                        "tag:yaml.org,2002:float" => resolved == ScalarKind.Integer ? ScalarKind.Integer : ScalarKind.Float,
                        "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                        _ => ScalarKind.Null,
                    };
                    if (resolved != expected)
                    {
                        Diagnostics.Add(Diagnostic.Create(Rules.YamlUnsupported, Span(scalar),
                            $"'{scalar.Value}' cannot be read as {tag["tag:yaml.org,2002:".Length..]}"));
                    }

                    return expected;
                default:
                    Diagnostics.Add(Diagnostic.Create(Rules.YamlUnsupported, Span(scalar),
                        $"the tag {tag} is not supported; only YAML's standard tags are"));
                    return ScalarKind.String;
            }
        }

        private void CheckTag(NodeEvent node, string standard)
        {
            if (!node.Tag.IsEmpty && node.Tag.Value != standard && node.Tag.Value != "!")
            {
                Diagnostics.Add(Diagnostic.Create(Rules.YamlUnsupported, Span(node),
                    $"the tag {node.Tag.Value} is not supported; only YAML's standard tags are"));
            }
        }

        private DocumentNode Remember(NodeEvent node, DocumentNode built)
        {
            if (!node.Anchor.IsEmpty)
            {
                _anchors[node.Anchor.Value] = built;
            }

            return built;
        }

        private DocumentNode Copy(DocumentNode node, string pointer)
        {
            if (++_nodes > MaxNodes)
            {
                throw new AliasBombException();
            }

            return node switch
            {
                ScalarNode s => new ScalarNode(s.Span, pointer, s.Text, s.Kind),
                SequenceNode s => new SequenceNode(s.Span, pointer,
                    [.. s.Items.Select((item, i) => Copy(item, JsonPointer.Append(pointer, i)))]),
                MappingNode m => new MappingNode(m.Span, pointer,
                    [.. m.Entries.Select(e => e with { Value = Copy(e.Value, JsonPointer.Append(pointer, e.Key)) })]),
                _ => throw new InvalidOperationException("unknown node type"),
            };
        }
    }

    private sealed class AliasBombException() : YamlException("aliases expand to more than a million nodes; write the values out instead");
}
