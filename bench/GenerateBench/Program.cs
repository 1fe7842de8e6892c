// Generates RECORDS records of a contract's dataset (contracts/orders.yaml by default) into a null
// stream through one Utf8JsonWriter, the way a simulator serves them: a warm-up run, then RUNS timed
// runs in this process. Prints each run and the median:
//   run <n> <records> <seconds> <records/s> <MB/s> <cpu seconds> <allocated MB>
//   median <records/s> <MB/s>
// then the same for the peer (Bogus, see BogusOrders.cs) on orders.yaml's shape, as
//   peer run … / peer median …, and the ratio of the medians.
// Every second record carries the caller's key sequence and event time (a simulator's path), the
// others come from the seed alone. `--sample N` prints N records instead, to read them.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContractKit.Bench.Generate;
using ContractKit.Contracts.Loading;
using ContractKit.Mocks.Generation;

var options = args.ToList();
string Option(string name, string fallback)
{
    var index = options.IndexOf(name);
    return index >= 0 && index + 1 < options.Count ? options[index + 1] : fallback;
}

var contractPath = Option("--contract", Path.Combine(AppContext.BaseDirectory, "../../../../../contracts/orders.yaml"));
var datasetName = Option("--dataset", "");
var records = long.Parse(Option("--records", "1000000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture);
var sample = int.Parse(Option("--sample", "0"), CultureInfo.InvariantCulture);

var loaded = await ContractLoader.LoadFileAsync(contractPath);
if (loaded.Contract is null)
{
    Console.Error.WriteLine(string.Join("\n", loaded.Diagnostics));
    return 2;
}

var dataset = datasetName.Length == 0 ? loaded.Contract.Datasets[0] : loaded.Contract.Datasets.Single(d => d.Name == datasetName);
var build = Stopwatch.StartNew();
var generator = RecordGenerator.For(dataset);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built the generator for {dataset.Name} in {build.Elapsed.TotalMilliseconds:F0} ms"));

if (sample > 0)
{
    for (var i = 0; i < sample; i++)
    {
        var overrides = i % 2 == 0 ? new RecordOverrides { KeySequence = i, EventTime = DateTimeOffset.UnixEpoch.AddYears(55).AddMinutes(i) } : null;
        Console.WriteLine(generator.Generate((ulong)i, overrides).ToJsonString());
    }

    return 0;
}

var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
Run(Math.Min(records, 200_000)); // warm-up: JIT and tiering
var results = new List<(double Rate, double Mbs)>();
for (var run = 1; run <= runs; run++)
{
    var (seconds, bytes, cpu, allocated) = Run(records);
    results.Add((records / seconds, bytes / 1e6 / seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run} {records} {seconds:F3} {records / seconds:F0} {bytes / 1e6 / seconds:F1} {cpu:F3} {allocated / 1e6:F1}"));
}

var median = results.OrderBy(r => r.Rate).ElementAt(results.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {median.Rate:F0} {median.Mbs:F1}"));
if (Path.GetFileName(contractPath) != "orders.yaml" || dataset.Name != "orders")
{
    return 0;
}

var peer = new BogusOrders();
Run(Math.Min(records, 200_000), (writer, _) => peer.Write(writer));
var peerResults = new List<(double Rate, double Mbs)>();
for (var run = 1; run <= runs; run++)
{
    var (seconds, bytes, cpu, allocated) = Run(records, (writer, _) => peer.Write(writer));
    peerResults.Add((records / seconds, bytes / 1e6 / seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"peer run {run} {records} {seconds:F3} {records / seconds:F0} {bytes / 1e6 / seconds:F1} {cpu:F3} {allocated / 1e6:F1}"));
}

var peerMedian = peerResults.OrderBy(r => r.Rate).ElementAt(peerResults.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peer median {peerMedian.Rate:F0} {peerMedian.Mbs:F1}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {median.Rate / peerMedian.Rate:F2}"));
return 0;

(double Seconds, long Bytes, double Cpu, long Allocated) Run(long count, Action<Utf8JsonWriter, long>? write = null)
{
    write ??= (writer, i) =>
    {
        var overrides = (i & 1) == 0 ? new RecordOverrides { KeySequence = i, EventTime = start.AddSeconds(i) } : null;
        generator.Write(writer, (ulong)i, overrides);
    };
    using var sink = new CountingStream();
    using var writer = new Utf8JsonWriter(sink);
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (var i = 0L; i < count; i++)
    {
        write(writer, i);
        writer.Flush();
        sink.WriteByte((byte)'\n');
        writer.Reset();
    }

    return (clock.Elapsed.TotalSeconds, sink.Length, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
        GC.GetAllocatedBytesForCurrentThread() - allocated);
}

/// <summary>A null stream that counts what is written to it.</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _length += count;

    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

    public override void WriteByte(byte value) => _length++;
}
