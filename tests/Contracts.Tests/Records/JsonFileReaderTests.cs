using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using static ContractKit.Contracts.Tests.Records.RecordTesting;

namespace ContractKit.Contracts.Tests.Records;

public class JsonFileReaderTests
{
    [Test]
    public async Task Streams_the_elements_of_an_array_with_their_lines([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "\uFEFF[\r\n  {\"id\": 1},\r\n  {\"id\": 2, \"tags\": [\"a\", \"b\"]},\n\n  {\n    \"id\": \"é\"\n  }\n]\n";

        var reads = await ReadAsync(text, FileFormat.Json, chunk);

        Assert.That(reads.Select(r => (r.Number, r.Line, r.Json)), Is.EqualTo(new (long, long, string?)[]
        {
            (1, 2, "{\"id\": 1}"),
            (2, 3, "{\"id\": 2, \"tags\": [\"a\", \"b\"]}"),
            (3, 5, "{\n    \"id\": \"é\"\n  }"),
        }));
    }

    [Test]
    public async Task A_single_object_is_one_record([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("\n\n {\"id\": 1}\n", FileFormat.Json, chunk);
        Assert.That(reads.Select(r => (r.Number, r.Line, r.Json)), Is.EqualTo(new (long, long, string?)[] { (1, 3, "{\"id\": 1}") }));
    }

    [Test]
    public async Task An_empty_array_has_no_records() =>
        Assert.That(await ReadAsync(" [ ] ", FileFormat.Json), Is.Empty);

    [TestCase("", "line 1: the file holds no JSON value; expected an array of records or one record")]
    [TestCase("\uFEFF \n ", "line 2: the file holds no JSON value; expected an array of records or one record")]
    public async Task An_empty_file_is_a_problem(string text, string message)
    {
        var problem = (await ReadAsync(text, FileFormat.Json)).Single().Problem!;
        Assert.That((problem.Kind, problem.Message, problem.EndsReading), Is.EqualTo((RecordProblemKind.MalformedJson, message, true)));
    }

    [TestCase("42", "a number")]
    [TestCase("\n  \"orders\"", "a string")]
    [TestCase("true", "true")]
    [TestCase("null", "null")]
    public async Task A_scalar_where_records_were_expected_is_a_problem(string text, string described)
    {
        var read = (await ReadAsync(text, FileFormat.Json)).Single();
        var problem = read.Problem!;
        var line = text.Count(c => c == '\n') + 1;
        var column = text.Length - text.LastIndexOf('\n') - text.Split('\n')[^1].TrimStart().Length;
        Assert.That((read.Number, problem.Kind, problem.EndsReading), Is.EqualTo((1L, RecordProblemKind.NotAnObject, true)));
        Assert.That(problem.Message, Is.EqualTo($"line {line}, column {column}: the file holds {described}; expected an array of records or one record (a JSON object)"));
    }

    [Test]
    public async Task An_element_that_is_not_an_object_is_a_problem_and_reading_goes_on([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("[{\"id\":1},\n 7,\n [{\"id\":2}], {\"id\":3}]", FileFormat.Json, chunk);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @1 {\"id\":1}",
            "#2 @2 NotAnObject: line 2, column 2: the record is a number, not a JSON object",
            "#3 @3 NotAnObject: line 3, column 2: the record is an array, not a JSON object",
            "#4 @3 {\"id\":3}",
        }));
    }

    [Test]
    public async Task A_syntax_error_is_reported_where_it_is_and_ends_reading([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("[\n  {\"id\": 1},\n  {\"id\": 2,\n   \"é\": tru},\n  {\"id\": 4}\n]", FileFormat.Json, chunk);

        Assert.That(reads, Has.Count.EqualTo(2));
        var problem = reads[1].Problem!;
        Assert.That((reads[1].Number, reads[1].Line, problem.Kind, problem.Line, problem.Column, problem.EndsReading),
            Is.EqualTo((2L, 3L, RecordProblemKind.MalformedJson, 4L, (long?)12, true)));
        Assert.That(problem.Message, Is.EqualTo("line 4, column 12: malformed JSON: 'tru' is an invalid JSON literal. Expected the literal 'true'"));
    }

    [TestCase("[{\"id\":1}", "line 1, column 10: malformed JSON: the file ends before the array of records is closed with ']'")]
    [TestCase("[{\"id\":1},\n{\"id\":", "line 2, column 7: malformed JSON: the file ends before the record is complete")]
    [TestCase("[{\"id\":1},]", "line 1, column 11: malformed JSON: a record must follow ',' (a trailing comma is not JSON)")]
    [TestCase("[{\"id\":1} {\"id\":2}]", "line 1, column 11: malformed JSON: expected ',' or ']' after record 1, found '{'")]
    [TestCase("[{\"id\":1}]\n[{\"id\":2}]", "line 2, column 1: malformed JSON: '[' follows the end of the JSON document; a JSON file holds one array of records or one record")]
    [TestCase("{\"id\":1} x", "line 1, column 10: malformed JSON: 'x' follows the end of the JSON document; a JSON file holds one array of records or one record")]
    public async Task Reports_broken_structure_around_the_records(string text, string message)
    {
        foreach (var chunk in Chunks)
        {
            var problem = (await ReadAsync(text, FileFormat.Json, chunk)).Single(r => r.Problem is not null).Problem!;
            Assert.That((problem.Kind, problem.Message, problem.EndsReading), Is.EqualTo((RecordProblemKind.MalformedJson, message, true)), $"read by {chunk}");
        }
    }

    [Test]
    public async Task Brackets_and_quotes_inside_strings_do_not_end_a_record([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("""[{"a": "x\"]}[{", "b": "\\"}, {"c": "}}}"}]""", FileFormat.Json, chunk);

        Assert.That(reads.Select(r => r.Json), Is.EqualTo(new[] { """{"a": "x\"]}[{", "b": "\\"}""", """{"c": "}}}"}""" }));
    }

    [TestCase("[{\"id\": 1},\n {\"a\": [1}], {\"id\": 3}]", "line 2, column 10: malformed JSON: '}' is invalid without a matching open")]
    [TestCase("[{\"id\": 1},\n {\"a\": [1}, {\"id\": 3}]", "line 2, column 10: malformed JSON: '}' is invalid without a matching open")]
    [TestCase("[{\"id\": 1},\n [1,,2], {\"id\": 3}]", "line 2, column 5: malformed JSON: ',' is an invalid start of a value")]
    public async Task A_record_whose_brackets_do_not_match_is_malformed_where_they_do_not(string text, string message)
    {
        foreach (var chunk in Chunks)
        {
            var reads = await ReadAsync(text, FileFormat.Json, chunk);
            Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[] { "#1 @1 {\"id\": 1}", $"#2 @2 MalformedJson: {message}" }), $"read by {chunk}");
        }
    }

    [Test]
    public async Task Brackets_that_never_balance_are_a_syntax_error_not_a_large_record()
    {
        var text = "[{\"id\": 1},\n {\"a\": [1}" + string.Concat(Enumerable.Repeat(", {\"id\": 3}", 500)) + "]";

        var reads = await ReadAsync(text, FileFormat.Json, maxRecordBytes: 1000);

        Assert.That(reads[1].ToString(), Is.EqualTo("#2 @2 MalformedJson: line 2, column 10: malformed JSON: '}' is invalid without a matching open"));
    }

    [Test]
    public async Task Invalid_utf8_in_an_element_is_a_problem_and_reading_goes_on()
    {
        byte[] bytes = [.. "[{\"id\":1},\n {\"name\":\""u8, 0xFF, .. "\"}, {\"id\":3}]"u8];

        var reads = await ReadAsync(bytes, FileFormat.Json);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @1 {\"id\":1}",
            "#2 @2 InvalidUtf8: line 2, column 11: invalid UTF-8 (byte 0xFF at byte offset 21); the file must be UTF-8 text",
            "#3 @2 {\"id\":3}",
        }));
    }

    [Test]
    public async Task A_binary_file_is_reported_as_binary_not_as_bad_json()
    {
        var problem = (await ReadAsync([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00], FileFormat.Json)).Single().Problem!;
        Assert.That((problem.Kind, problem.ByteOffset, problem.EndsReading), Is.EqualTo((RecordProblemKind.Binary, (long?)3, true)));
    }

    [Test]
    public async Task An_element_over_the_limit_ends_reading([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "[{\"id\":1},\n{\"blob\":\"" + new string('x', 3000) + "\"}, {\"id\":3}]";

        var reads = await ReadAsync(text, FileFormat.Json, chunk, maxRecordBytes: 1000);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @1 {\"id\":1}",
            "#2 @2 TooLarge: line 2: the record is larger than the 1,000-byte limit for one record; reading stops here",
        }));
    }

    [Test]
    public async Task Streams_100k_records_without_holding_the_array()
    {
        const int count = 100_000;
        var padding = new string('p', 200);
        var source = new GeneratedStream("[\n", count, i => $"{{\"id\":{i},\"padding\":\"{padding}\"}}", ",\n", "\n]\n");
        const long recordBytes = 225;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long read = 0;
        long growth = 0;
        long aheadOfRecord = 0;

        await foreach (var entry in RecordReader.ReadAsync(source, FileFormat.Json, null, CancellationToken.None))
        {
            Assert.That(entry.Record.GetProperty("id").GetInt64(), Is.EqualTo(read));
            Assert.That(entry.Line, Is.EqualTo(read + 2));
            read++;
            aheadOfRecord = Math.Max(aheadOfRecord, source.BytesRead - (read * recordBytes));
            if (read == count / 2)
            {
                growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            }
        }

        Assert.That(read, Is.EqualTo(count));
        Assert.That(source.BytesRead, Is.GreaterThan(count * 200L), "about 22 MB went through");
        Assert.That(aheadOfRecord, Is.LessThan(256 * 1024), "the reader never reads far ahead of the record it yields");
        Assert.That(growth, Is.LessThan(4 * 1024 * 1024), "halfway through, the managed heap holds no more than a buffer's worth");
    }
}
