using System.Text;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using ContractKit.Contracts.Schemas;
using static ContractKit.Contracts.Tests.Records.RecordTesting;

namespace ContractKit.Contracts.Tests.Records;

public class CsvFileReaderTests
{
    private static readonly CsvOptions Orders = Csv(
        Field("id", JsonTypes.Integer),
        Field("amount", JsonTypes.Number),
        Field("paid", JsonTypes.Boolean),
        Field("note", JsonTypes.String | JsonTypes.Null),
        Field("code", JsonTypes.String),
        Field("qty", JsonTypes.Integer | JsonTypes.Null),
        Field("customer.email", JsonTypes.Integer));

    [Test]
    public async Task Types_each_value_by_its_field([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "id,amount,paid,note,code,qty,extra\n"
            + "1,12.50,true,hello,007,3,x\n"
            + "-2, 1e3 ,FALSE, spaced ,A1,,\n"
            + "3,0,True,,\"\",\"\",\"\"\n";

        var reads = await ReadAsync(text, FileFormat.Csv, chunk, Orders);

        Assert.That(reads.Select(r => (r.Number, r.Line, r.Json)), Is.EqualTo(new (long, long, string?)[]
        {
            (1, 2, """{"id":1,"amount":12.50,"paid":true,"note":"hello","code":"007","qty":3,"extra":"x"}"""),
            (2, 3, """{"id":-2,"amount":1e3,"paid":false,"note":" spaced ","code":"A1","qty":null,"extra":""}"""),
            (3, 4, """{"id":3,"amount":0,"paid":true,"note":null,"code":"","qty":null,"extra":""}"""),
        }));
    }

    [Test]
    public async Task An_empty_value_is_null_when_the_field_allows_it_and_missing_when_not()
    {
        var reads = await ReadAsync("id,note,code\n,,\n", FileFormat.Csv, csv: Orders);
        Assert.That(reads.Single().Json, Is.EqualTo("""{"note":null}"""), "id and code are left out, so required reports them");
    }

    [Test]
    public async Task A_quoted_empty_value_is_the_empty_string_for_a_string_field()
    {
        var reads = await ReadAsync("id,note,code\n\"\",\"\",\"\"\n", FileFormat.Csv, csv: Orders);
        Assert.That(reads.Single().Json, Is.EqualTo("""{"note":"","code":""}"""));
    }

    [Test]
    public async Task Without_a_schema_every_value_is_text()
    {
        var reads = await ReadAsync("a,b\n1,\ntrue,x\n", FileFormat.Csv);
        Assert.That(reads.Select(r => r.Json), Is.EqualTo(new[] { """{"a":"1","b":""}""", """{"a":"true","b":"x"}""" }));
    }

    [Test]
    public async Task Reads_quoted_values_with_delimiters_quotes_and_line_breaks([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "\uFEFFid,note\r\n"
            + "1,\"a, b\"\r\n"
            + "2,\"she said \"\"hi\"\"\r\nand left\"\r\n"
            + "\r\n"
            + "3,\"\"\"\"\r\n"
            + "4,ab\"c\r\n"
            + "5,\"é\nü\n\"";

        var reads = await ReadAsync(text, FileFormat.Csv, chunk, Orders);

        Assert.That(reads.Select(r => (r.Number, r.Line, r.Json)), Is.EqualTo(new (long, long, string?)[]
        {
            (1, 2, """{"id":1,"note":"a, b"}"""),
            (2, 3, """{"id":2,"note":"she said \"hi\"\r\nand left"}"""),
            (3, 6, """{"id":3,"note":"\""}"""),
            (4, 7, """{"id":4,"note":"ab\"c"}"""),
            (5, 8, """{"id":5,"note":"é\nü\n"}"""),
        }));
    }

    [TestCase(';')]
    [TestCase('\t')]
    [TestCase('|')]
    public async Task Takes_another_delimiter(char delimiter)
    {
        var options = Csv(delimiter, Field("id", JsonTypes.Integer), Field("note", JsonTypes.String));
        var reads = await ReadAsync($"id{delimiter}note\n1{delimiter}\"a{delimiter}b,c\"\n", FileFormat.Csv, csv: options);
        Assert.That(reads.Single().Json, Is.EqualTo($$"""{"id":1,"note":"a{{delimiter}}b,c"}""".Replace("\t", "\\t", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_row_with_a_missing_or_an_extra_value_is_a_problem_and_reading_goes_on([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "a,b,c,d,e,f\n1,2,3,4,5,6\n1,2,3,4,5\n1,2,3,4,5,6,7\n1,2,3,4,5,6\n";

        var reads = await ReadAsync(text, FileFormat.Csv, chunk);

        Assert.That(reads.Select(r => r.ToString()).Skip(1).Take(2), Is.EqualTo(new[]
        {
            "#2 @3 CsvColumnCount: line 3 has 5 values, the header has 6 columns",
            "#3 @4 CsvColumnCount: line 4 has 7 values, the header has 6 columns",
        }));
        Assert.That(reads[3].Json, Is.Not.Null);
    }

    [Test]
    public async Task A_value_that_does_not_fit_its_type_is_a_problem_naming_line_column_and_value()
    {
        var text = string.Concat(Enumerable.Repeat("1,2,true\n", 10)) + "1,abc,true\n" + "x,2,maybe\n" + "3,4,false\n";

        var reads = await ReadAsync("id,amount,paid\n" + text, FileFormat.Csv, csv: Orders);

        Assert.That(reads.Select(r => r.ToString()).Skip(10), Is.EqualTo(new[]
        {
            "#11 @12 CsvValue: line 12, column 'amount': 'abc' is not a number",
            "#12 @13 CsvValue: line 13, column 'id': 'x' is not an integer; column 'paid': 'maybe' is not a boolean (true or false)",
            "#13 @14 {\"id\":3,\"amount\":4,\"paid\":false}",
        }));
        Assert.That(reads[10].Problem!.Line, Is.EqualTo(12));
    }

    [TestCase("+5")]
    [TestCase("1,000")]
    [TestCase("01")]
    [TestCase("1.")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("0x1F")]
    public async Task Numbers_are_json_numbers_only(string value)
    {
        var problem = (await ReadAsync($"amount\n\"{value}\"\n", FileFormat.Csv, csv: Orders)).Single().Problem!;
        Assert.That(problem.Message, Is.EqualTo($"line 2, column 'amount': '{value}' is not a number"));
    }

    [Test]
    public async Task A_value_of_a_multi_line_row_is_placed_on_its_own_line()
    {
        var problem = (await ReadAsync("note,id\n\"a\nb\",x\n", FileFormat.Csv, csv: Orders)).Single().Problem!;
        Assert.That((problem.Line, problem.Message), Is.EqualTo((3L, "line 3, column 'id': 'x' is not an integer")));
    }

    [Test]
    public async Task Does_not_show_the_value_of_a_pii_field()
    {
        var options = Csv(Field("ssn", JsonTypes.Integer, pii: true));
        var problem = (await ReadAsync("ssn\n123-45-6789\n", FileFormat.Csv, csv: options)).Single().Problem!;
        Assert.That(problem.Message, Is.EqualTo("line 2, column 'ssn': the value is not an integer (not shown: the field is marked x-pii)"));
    }

    [Test]
    public async Task Reads_json_text_for_object_and_array_fields()
    {
        var options = Csv(Field("tags", JsonTypes.Array), Field("meta", JsonTypes.Object | JsonTypes.Null));
        var reads = await ReadAsync("tags,meta\n\"[\"\"a\"\"]\",\"{\"\"k\"\": 1}\"\n\"[1\",\n", FileFormat.Csv, csv: options);
        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @2 {\"tags\":[\"a\"],\"meta\":{\"k\": 1}}",
            "#2 @3 CsvValue: line 3, column 'tags': '[1' is not a JSON array",
        }));
    }

    [Test]
    public async Task Text_after_a_closing_quote_is_a_problem_and_reading_goes_on([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("id,note\n1,\"a\"b,c\n2,ok\n", FileFormat.Csv, chunk, Orders);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @2 CsvSyntax: line 2, column 6: 'b' follows a closing quote; a quoted value ends with the delimiter or the line (write \"\" for a quote inside it)",
            "#2 @3 {\"id\":2,\"note\":\"ok\"}",
        }));
    }

    [Test]
    public async Task A_quote_that_is_never_closed_ends_reading([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("id,note\n1,ok\n2,\"open\n3,never\n", FileFormat.Csv, chunk, Orders);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @2 {\"id\":1,\"note\":\"ok\"}",
            "#2 @3 CsvSyntax: line 3, column 3: this quoted value is never closed",
        }));
        Assert.That(reads[1].Problem!.EndsReading, Is.True);
    }

    [TestCase("")]
    [TestCase("\uFEFF\n\r\n")]
    public async Task A_file_without_a_header_is_a_problem(string text)
    {
        var read = (await ReadAsync(text, FileFormat.Csv)).Single();
        Assert.That((read.Number, read.Problem!.Kind, read.Problem.EndsReading), Is.EqualTo((0L, RecordProblemKind.CsvHeader, true)));
        Assert.That(read.Problem.Message, Does.EndWith("the file is empty; a CSV file starts with a header row naming its columns"));
    }

    [Test]
    public async Task A_header_that_names_a_column_twice_is_a_problem()
    {
        var read = (await ReadAsync("id,note,id\n1,2,3\n", FileFormat.Csv)).Single();
        Assert.That(read.ToString(), Is.EqualTo("#0 @1 CsvHeader: line 1: the header names column 'id' twice (columns 1 and 3)"));
    }

    [Test]
    public async Task A_header_alone_has_no_records() =>
        Assert.That(await ReadAsync("id,note\r\n", FileFormat.Csv), Is.Empty);

    [Test]
    public async Task Invalid_utf8_is_a_problem_and_reading_goes_on()
    {
        byte[] bytes = [.. "id,note\n1,caf"u8, 0xE9, .. "\n2,ok\n"u8];

        var reads = await ReadAsync(bytes, FileFormat.Csv, csv: Orders);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @2 InvalidUtf8: line 2, column 6: invalid UTF-8 (byte 0xE9 at byte offset 13); the file must be UTF-8 text",
            "#2 @3 {\"id\":2,\"note\":\"ok\"}",
        }));
    }

    [Test]
    public async Task A_binary_file_is_one_problem()
    {
        byte[] bytes = [.. "PK"u8, 0x03, 0x04, 0x14, 0x00, 0x00, .. "\nmore\n"u8];
        var read = (await ReadAsync(bytes, FileFormat.Csv)).Single();
        Assert.That((read.Number, read.Problem!.Kind, read.Problem.ByteOffset, read.Problem.EndsReading), Is.EqualTo((0L, RecordProblemKind.Binary, (long?)5, true)));
    }

    [Test]
    public async Task A_row_over_the_limit_ends_reading([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "id,note\n1,a\n2,\"" + new string('x', 2000) + "\"\n3,c\n";

        var reads = await ReadAsync(text, FileFormat.Csv, chunk, Orders, maxRecordBytes: 500);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @2 {\"id\":1,\"note\":\"a\"}",
            "#2 @3 TooLarge: line 3: the record is larger than the 500-byte limit for one record; reading stops here",
        }));
    }

    [TestCase('"')]
    [TestCase('\n')]
    [TestCase('é')]
    public void Rejects_a_delimiter_it_cannot_read(char delimiter) =>
        Assert.That(() => RecordReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("a\n")), FileFormat.Csv, new CsvOptions { Delimiter = delimiter }, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("cannot be a CSV delimiter"));
}
