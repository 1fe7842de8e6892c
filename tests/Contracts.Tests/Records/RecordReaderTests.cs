using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;

namespace ContractKit.Contracts.Tests.Records;

public class RecordReaderTests
{
    [TestCase("orders.jsonl", FileFormat.Jsonl)]
    [TestCase("drops/ORDERS.NDJSON", FileFormat.Jsonl)]
    [TestCase("orders.json", FileFormat.Json)]
    [TestCase("/tmp/orders.csv", FileFormat.Csv)]
    [TestCase("orders.parquet", null)]
    [TestCase("-", null)]
    public void Knows_the_format_from_the_extension(string path, FileFormat? format) =>
        Assert.That(RecordReader.FormatOf(path), Is.EqualTo(format));

    [Test]
    public async Task A_record_is_valid_until_the_next_one_and_a_clone_is_kept()
    {
        JsonElement borrowed = default;
        JsonElement kept = default;
        await foreach (var entry in RecordReader.ReadAsync(Stream("{\"id\":1}\n{\"id\":2}\n"), FileFormat.Jsonl, null, CancellationToken.None))
        {
            if (entry.Number == 1)
            {
                borrowed = entry.Record;
                kept = entry.Record.Clone();
            }
            else
            {
                Assert.That(() => borrowed.GetProperty("id"), Throws.TypeOf<ObjectDisposedException>(), "a borrowed record fails loudly, never reads reused bytes");
            }
        }

        Assert.That(kept.GetProperty("id").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_problem_entry_has_no_record()
    {
        var entries = new List<(bool HasRecord, string Error)>();
        await foreach (var entry in RecordReader.ReadAsync(Stream("[1]\n"), FileFormat.Jsonl, null, CancellationToken.None))
        {
            entries.Add((entry.HasRecord, Assert.Throws<InvalidOperationException>(() => _ = entry.Record)!.Message));
        }

        Assert.That(entries, Is.EqualTo(new[] { (false, "record 1 could not be read: line 1, column 1: the record is an array, not a JSON object") }));
    }

    [Test]
    public void Refuses_a_stream_it_cannot_read()
    {
        var closed = new MemoryStream();
        closed.Dispose();
        Assert.That(() => RecordReader.ReadAsync(closed, FileFormat.Json, null, CancellationToken.None), Throws.ArgumentException);
        Assert.That(() => RecordReader.ReadAsync(Stream("{}"), (FileFormat)42, null, CancellationToken.None), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Cancellation_stops_reading()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(async () =>
        {
            await foreach (var entry in RecordReader.ReadAsync(Stream("{}\n"), FileFormat.Jsonl, null, cancelled.Token))
            {
                _ = entry;
            }
        }, Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(FileFormat.Jsonl, "{\"id\":1}\n", "{\"id\":2}\n")]
    [TestCase(FileFormat.Json, "[{\"id\":1},", "{\"id\":2}]")]
    [TestCase(FileFormat.Csv, "id\n1\n", "2\n")]
    public async Task Yields_each_record_from_a_pipe_as_soon_as_it_is_written(FileFormat format, string first, string rest)
    {
        // Like stdin fed by another process: the writer sends the rest only once the reader has
        // yielded the first record, so a reader that waited for a full buffer would hang.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            await server.WriteAsync(Encoding.UTF8.GetBytes(first), timeout.Token);
            await server.FlushAsync(timeout.Token);
            await firstRead.Task.WaitAsync(timeout.Token);
            await server.WriteAsync(Encoding.UTF8.GetBytes(rest), timeout.Token);
            server.Dispose();
        }, timeout.Token);

        var ids = new List<string>();
        await foreach (var entry in RecordReader.ReadAsync(client, format, null, timeout.Token))
        {
            ids.Add(entry.Record.GetProperty("id").ToString());
            firstRead.TrySetResult();
        }

        await writer;
        Assert.That(ids, Is.EqualTo(new[] { "1", "2" }));
    }

    [TestCase(FileFormat.Json, "[{\"id\":1},\n{\"id\":2,\"blob\":\"{0}\"},\n{\"id\":3}]")]
    [TestCase(FileFormat.Jsonl, "{\"id\":1}\n{\"id\":2,\"blob\":\"{0}\"}\n{\"id\":3}\n")]
    [TestCase(FileFormat.Csv, "id,blob\n1,\n2,\"{0}\"\n3,\n")]
    public async Task A_record_larger_than_the_buffer_grows_it_and_the_next_ones_follow(FileFormat format, string template)
    {
        // 3 MB with line breaks inside (for CSV), read in 1,000-byte pieces: the buffer grows
        // (doubling, filled before each rescan) and shrinks back afterwards.
        var blob = string.Concat(Enumerable.Repeat(format == FileFormat.Csv ? "abcdefghi\n" : "abcdefghij", 300_000));
        var text = template.Replace("{0}", blob, StringComparison.Ordinal);

        var reads = await RecordTesting.ReadAsync(text, format, chunk: 1000);

        Assert.That(reads.Select(r => (r.Number, r.Line)), Is.EqualTo(new[] { (1L, format == FileFormat.Csv ? 2L : 1L), (2L, format == FileFormat.Csv ? 3L : 2L), (3L, format == FileFormat.Csv ? 300_004L : 3L) }));
        Assert.That(reads[1].Json, Has.Length.GreaterThan(3_000_000));
        Assert.That(reads[2].Json, Does.Contain("3"));
    }

    [Test]
    public void A_failing_stream_throws_its_io_error()
    {
        Assert.That(async () =>
        {
            await foreach (var entry in RecordReader.ReadAsync(new FailingStream(), FileFormat.Jsonl, null, CancellationToken.None))
            {
                _ = entry;
            }
        }, Throws.TypeOf<IOException>());
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class FailingStream : ReadOnlyTestStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the disk went away");
    }
}
