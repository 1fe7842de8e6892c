// Reads one records file the way bench/records.sh asks, PASSES times (1 by default), and prints a
// line per pass:
//   <mode> <pass> <records> <problems> <seconds> <records/s> <MB/s> <cpu seconds> <checksum>
// The first pass in a fresh process is what one CLI run costs (JIT included); later passes show the
// code's steady throughput.
// Modes:
//   reader-ndjson FILE   RecordReader over NDJSON (pooled UTF-8 buffer, records parsed in place)
//   reader-json FILE     RecordReader over a JSON array of the same records
//   reader-csv FILE      RecordReader over CSV, values typed by the schema fields below
//   baseline FILE        File.ReadLines + JsonDocument.Parse(string) per line, the plain way
// Every mode reads each record's "amount" so the work done per record is the same; the checksum
// (records + sum of amounts) shows they all read the same data.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

if (args.Length is < 2 or > 3 || args[0] is not ("baseline" or "reader-ndjson" or "reader-json" or "reader-csv"))
{
    Console.Error.WriteLine("usage: RecordsBench reader-ndjson|reader-json|reader-csv|baseline FILE [PASSES]");
    return 2;
}

var (mode, path) = (args[0], args[1]);
var passes = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var bytes = new FileInfo(path).Length;
for (var pass = 1; pass <= passes; pass++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var (records, problems, amounts) = mode == "baseline" ? Baseline(path) : await ReaderAsync(mode, path);
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{mode} {pass} {records} {problems} {seconds:F3} {records / seconds:F0} {bytes / 1e6 / seconds:F1} {cpuSeconds:F3} {records}:{amounts:F2}"));
}

return 0;

static (long Records, long Problems, double Amounts) Baseline(string path)
{
    long records = 0;
    double amounts = 0;
    foreach (var line in File.ReadLines(path))
    {
        using var document = JsonDocument.Parse(line);
        amounts += document.RootElement.GetProperty("amount").GetDouble();
        records++;
    }

    return (records, 0, amounts);
}

static async Task<(long Records, long Problems, double Amounts)> ReaderAsync(string mode, string path)
{
    long records = 0;
    long problems = 0;
    double amounts = 0;
    var format = mode switch { "reader-ndjson" => FileFormat.Jsonl, "reader-json" => FileFormat.Json, _ => FileFormat.Csv };
    var csv = format == FileFormat.Csv ? new CsvOptions { Fields = [.. CsvFields()] } : null;
    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    await foreach (var entry in RecordReader.ReadAsync(stream, format, csv, CancellationToken.None))
    {
        if (entry.HasRecord)
        {
            amounts += entry.Record.GetProperty("amount").GetDouble();
            records++;
        }
        else if (++problems <= 3)
        {
            Console.Error.WriteLine(entry.Problem.Message);
        }
    }

    return (records, problems, amounts);
}

static IEnumerable<SchemaField> CsvFields()
{
    (string Name, JsonTypes Types)[] fields =
    [
        ("order_id", JsonTypes.String), ("customer_email", JsonTypes.String), ("status", JsonTypes.String),
        ("currency", JsonTypes.String), ("amount", JsonTypes.Number), ("items", JsonTypes.Integer),
        ("paid", JsonTypes.Boolean), ("created_at", JsonTypes.String), ("note", JsonTypes.String | JsonTypes.Null),
    ];
    return fields.Select(f => new SchemaField(FieldPath.Parse(f.Name), f.Types, null, true, false, false, null, [], SourceSpan.StartOf("bench")));
}
