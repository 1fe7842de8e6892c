using System.Runtime.InteropServices;
using System.Text;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using static ContractKit.Contracts.Tests.Records.RecordTesting;

namespace ContractKit.Contracts.Tests.Records;

public class JsonLinesReaderTests
{
    [Test]
    public async Task Reads_one_record_per_line_with_its_number_and_line([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("\uFEFF{\"a\":1}\r\n\r\n   \n{\"a\": \"é\"}\n\t\n{\"a\":[1,2]}", FileFormat.Jsonl, chunk);

        Assert.That(reads.Select(r => (r.Number, r.Line, r.Json)), Is.EqualTo(new (long, long, string?)[]
        {
            (1, 1, "{\"a\":1}"),
            (2, 4, "{\"a\": \"é\"}"),
            (3, 6, "{\"a\":[1,2]}"),
        }));
    }

    [Test]
    public async Task An_empty_file_has_no_records()
    {
        Assert.That(await ReadAsync("", FileFormat.Jsonl), Is.Empty);
        Assert.That(await ReadAsync("\n\r\n  \n", FileFormat.Jsonl), Is.Empty);
    }

    [Test]
    public async Task Reports_a_malformed_line_where_it_is_and_reads_on([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var reads = await ReadAsync("{\"a\":1}\n{\"é\": x}\n{\"a\":3}\n", FileFormat.Jsonl, chunk);

        Assert.That(reads, Has.Count.EqualTo(3));
        var problem = reads[1].Problem!;
        Assert.That((reads[1].Number, reads[1].Line, problem.Kind, problem.Line, problem.Column, problem.EndsReading),
            Is.EqualTo((2L, 2L, RecordProblemKind.MalformedJson, 2L, (long?)7, false)));
        Assert.That(problem.Message, Is.EqualTo("line 2, column 7: malformed JSON: 'x' is an invalid start of a value"));
        Assert.That(reads[2].Json, Is.EqualTo("{\"a\":3}"), "the line after the bad one is read");
    }

    [Test]
    public async Task Says_when_a_line_ends_before_its_record_does()
    {
        var problem = (await ReadAsync("{\"a\": [1, 2\n", FileFormat.Jsonl)).Single().Problem!;
        Assert.That(problem.Message, Is.EqualTo("line 1, column 12: malformed JSON: the line ends before the JSON value is complete"));
    }

    [Test]
    public async Task Reports_two_values_on_one_line()
    {
        var problem = (await ReadAsync("{\"a\":1} {\"a\":2}\n", FileFormat.Jsonl)).Single().Problem!;
        Assert.That(problem.Message, Does.StartWith("line 1, column 9: malformed JSON: '{' is invalid after a single JSON value"));
    }

    [Test]
    public async Task A_record_nested_deeper_than_64_levels_is_a_problem_and_reading_goes_on()
    {
        var deep = "{\"a\":" + new string('[', 70) + new string(']', 70) + "}";
        var reads = await ReadAsync($"{deep}\n{{\"a\":2}}\n", FileFormat.Jsonl);

        Assert.That(reads[0].Problem!.Message, Is.EqualTo("line 1, column 69: malformed JSON: The maximum configured depth of 64 has been exceeded. Cannot read next JSON array"), "the 64th bracket is the one too deep");
        Assert.That(reads[1].Json, Is.EqualTo("{\"a\":2}"));
    }

    [TestCase("42", "a number")]
    [TestCase("\"text\"", "a string")]
    [TestCase("null", "null")]
    [TestCase("  [{\"a\":1}]", "an array")]
    public async Task A_value_that_is_not_an_object_is_not_a_record(string line, string described)
    {
        var reads = await ReadAsync($"{{\"a\":1}}\n{line}\n{{\"a\":3}}\n", FileFormat.Jsonl);

        Assert.That(reads.Select(r => r.Number), Is.EqualTo(new long[] { 1, 2, 3 }));
        var problem = reads[1].Problem!;
        Assert.That(problem.Kind, Is.EqualTo(RecordProblemKind.NotAnObject));
        Assert.That(problem.Message, Is.EqualTo($"line 2, column {line.IndexOf(line.Trim()[0]) + 1}: the record is {described}, not a JSON object"));
        Assert.That(reads[2].Json, Is.Not.Null);
    }

    [Test]
    public async Task Invalid_utf8_is_a_problem_with_its_byte_offset_and_reading_goes_on([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var bytes = Concat("{\"a\":1}\n{\"é\":\""u8, [0xC3, 0x28], "\"}\n{\"a\":3}\n"u8);

        var reads = await ReadAsync(bytes, FileFormat.Jsonl, chunk);

        var problem = reads[1].Problem!;
        Assert.That((problem.Kind, problem.Line, problem.Column, problem.ByteOffset), Is.EqualTo((RecordProblemKind.InvalidUtf8, 2L, (long?)7, (long?)15)));
        Assert.That(problem.Message, Is.EqualTo("line 2, column 7: invalid UTF-8 (byte 0xC3 at byte offset 15); the file must be UTF-8 text"));
        Assert.That(reads[2].Json, Is.EqualTo("{\"a\":3}"));
    }

    [Test]
    public async Task A_binary_file_is_one_problem_and_reading_stops()
    {
        // The start of a gzip file: not UTF-8 either, but the NUL says what it is.
        var reads = await ReadAsync(Concat("{\"a\":1}\n"u8, [0x1F, 0x8B, 0x08, 0x00, 0x0A, 0x41], "\n{\"a\":3}\n"u8), FileFormat.Jsonl);

        Assert.That(reads, Has.Count.EqualTo(2));
        var problem = reads[1].Problem!;
        Assert.That((problem.Kind, problem.Line, problem.Column, problem.ByteOffset, problem.EndsReading),
            Is.EqualTo((RecordProblemKind.Binary, 2L, (long?)4, (long?)11, true)));
        Assert.That(problem.Message, Is.EqualTo("line 2, column 4: the file is binary (a NUL byte at byte offset 11), not UTF-8 text"));
    }

    [Test]
    public async Task A_line_over_the_limit_is_reported_and_skipped([ValueSource(typeof(RecordTesting), nameof(Chunks))] int chunk)
    {
        var text = "{\"a\":1}\n{\"b\":\"" + new string('x', 300) + "\"}\n{\"a\":3}\n{\"c\":\"" + new string('y', 5000) + "\"}";

        var reads = await ReadAsync(text, FileFormat.Jsonl, chunk, maxRecordBytes: 100);

        Assert.That(reads.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "#1 @1 {\"a\":1}",
            "#2 @2 TooLarge: line 2: the record is larger than the 100-byte limit for one record; it is skipped",
            "#3 @3 {\"a\":3}",
            "#4 @4 TooLarge: line 4: the record is larger than the 100-byte limit for one record; it is skipped",
        }));
    }

    [Test]
    public async Task Reads_a_50_MB_line_from_a_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "big.jsonl");
        const int size = 50 * 1024 * 1024;
        await using (var file = File.Create(path))
        {
            await file.WriteAsync("{\"id\":1,\"blob\":\""u8.ToArray());
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1024 * 1024));
            for (var i = 0; i < size / chunk.Length; i++)
            {
                await file.WriteAsync(chunk);
            }

            await file.WriteAsync("\"}\n{\"id\":2}\n"u8.ToArray());
        }

        var lengths = new List<(long Number, long Line, int Blob)>();
        await using (var stream = File.OpenRead(path))
        {
            await foreach (var entry in RecordReader.ReadAsync(stream, FileFormat.Jsonl, null, CancellationToken.None))
            {
                Assert.That(entry.Problem, Is.Null);
                var blob = entry.Record.TryGetProperty("blob", out var value) ? JsonMarshal.GetRawUtf8Value(value).Length - 2 : 0;
                lengths.Add((entry.Number, entry.Line, blob));
            }
        }

        Assert.That(lengths, Is.EqualTo(new (long, long, int)[] { (1, 1, size), (2, 2, 0) }));
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];
}
