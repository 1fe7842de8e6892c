using System.Text;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Tests.Documents;

public class DocumentReaderTests
{
    private static DocumentReader.Result Read(string text) => DocumentReader.Read(text, "c.yaml", "/tmp/c.yaml");

    [Test]
    public void Every_node_knows_its_line_column_and_pointer()
    {
        var document = Read("a: 1\nb:\n  c: [x, 'y']\n").Document!;
        var y = document.Find("/b/c/1")!;
        Assert.That((y.Span.Start.Line, y.Span.Start.Column, y.Pointer), Is.EqualTo((3, 10, "/b/c/1")));
        Assert.That(document.KeySpanOf("/b/c")!.Start, Is.EqualTo(new SourcePosition(3, 3)));
        Assert.That(document.SpanOf("/b/missing/deeper").Start, Is.EqualTo(new SourcePosition(3, 3)), "a missing node points at its nearest ancestor");
    }

    [TestCase("yes", ScalarKind.String)]
    [TestCase("on", ScalarKind.String)]
    [TestCase("true", ScalarKind.Boolean)]
    [TestCase("~", ScalarKind.Null)]
    [TestCase("2.1", ScalarKind.Float)]
    [TestCase("2.1.0", ScalarKind.String)]
    [TestCase("0x1F", ScalarKind.Integer)]
    [TestCase("1e6", ScalarKind.Float)]
    [TestCase("'42'", ScalarKind.String)]
    [TestCase("09:00", ScalarKind.String)]
    public void Types_scalars_by_the_yaml_1_2_core_schema(string text, ScalarKind kind) =>
        Assert.That(((ScalarNode)Read($"v: {text}\n").Document!.Find("/v")!).Kind, Is.EqualTo(kind));

    [Test]
    public void Writes_numbers_as_json()
    {
        var json = Read("a: 0x1F\nb: .5\nc: +007\nd: 1e6\n").Document!.Root.ToJsonElement();
        Assert.That(json.ToString(), Is.EqualTo("""{"a":31,"b":0.5,"c":7,"d":1e6}"""));
    }

    [Test]
    public void Reads_json_even_with_tabs()
    {
        var document = Read("{\n\t\"a\": 1,\n\t\"b\": [true, null]\n}").Document!;
        Assert.That(document.Find("/b/0")!.Span.Start, Is.EqualTo(new SourcePosition(3, 8)));
    }

    [Test]
    public void Expands_aliases_at_their_own_pointer()
    {
        var document = Read("a: &x { b: 1 }\nc: *x\n").Document!;
        Assert.That(document.Find("/c/b")!.Pointer, Is.EqualTo("/c/b"));
    }

    [Test]
    public void Stops_alias_bombs()
    {
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var result = Read(bomb.ToString());
        Assert.That(result.Document, Is.Null);
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("aliases expand"));
    }

    [TestCase("a: 1\n\tb: 2\n", 2, 1, "tab")]
    [TestCase("a: \"open\nb: 2\n", 1, 4, "never closed")]
    [TestCase("a: [1, 2\n", 2, 1, "")]
    public void Reports_syntax_errors_where_they_are(string text, int line, int column, string message)
    {
        var diagnostic = Read(text).Diagnostics.Single();
        Assert.That(diagnostic.Rule, Is.EqualTo(Rules.YamlSyntax));
        Assert.That((diagnostic.Span.Start.Line, diagnostic.Span.Start.Column), Is.EqualTo((line, column)));
        Assert.That(diagnostic.Message, Does.Contain(message));
    }

    [Test]
    public void Reports_every_duplicate_key()
    {
        var diagnostics = Read("a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n").Diagnostics;
        Assert.That(diagnostics.Select(d => (d.Rule, d.Span.Start.Line)), Is.EqualTo(new[] { (Rules.YamlDuplicateKey, 3), (Rules.YamlDuplicateKey, 6) }));
    }

    [Test]
    public void Rejects_binary_and_invalid_utf8_with_the_offending_position()
    {
        var binary = DocumentReader.Read(new byte[] { (byte)'a', (byte)':', (byte)'\n', (byte)'b', 0, 1 }, "b.yaml", "/tmp/b.yaml").Diagnostics.Single();
        Assert.That((binary.Rule, binary.Span.Start.Line, binary.Span.Start.Column), Is.EqualTo((Rules.FileNotText, 2, 2)));

        var latin1 = DocumentReader.Read("t: caf\u00e9"u8.ToArray().Take(6).Append((byte)0xE9).ToArray(), "l.yaml", "/tmp/l.yaml").Diagnostics.Single();
        Assert.That((latin1.Rule, latin1.Span.Start.Column), Is.EqualTo((Rules.FileNotText, 7)));
        Assert.That(latin1.Message, Does.Contain("0xE9"));
    }

    [Test]
    public void Accepts_a_byte_order_mark() =>
        Assert.That(DocumentReader.Read([0xEF, 0xBB, 0xBF, (byte)'a', (byte)':', (byte)' ', (byte)'1'], "c.yaml", "/tmp/c.yaml").Document, Is.Not.Null);

    [TestCase("")]
    [TestCase("# just a comment\n")]
    public void Reports_empty_files(string text) =>
        Assert.That(Read(text).Diagnostics.Single().Rule, Is.EqualTo(Rules.FileEmpty));

    [Test]
    public void Reports_a_missing_file_as_unreadable()
    {
        var result = DocumentReader.ReadFileAsync("/nonexistent/contract.yaml", CancellationToken.None).GetAwaiter().GetResult();
        Assert.That(result.Diagnostics.Single().Rule, Is.EqualTo(Rules.FileUnreadable));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("does not exist"));
    }
}
