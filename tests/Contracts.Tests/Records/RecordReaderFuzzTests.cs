using System.Text;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using ContractKit.Contracts.Schemas;
using static ContractKit.Contracts.Tests.Records.RecordTesting;

namespace ContractKit.Contracts.Tests.Records;

/// <summary>
/// Damaged files, made deterministically from valid ones, read with random read sizes and record
/// limits: nothing may throw, and what comes back must be consistent.
/// </summary>
public class RecordReaderFuzzTests
{
    private const int Iterations = 400;

    private static readonly byte[] Noise = "\"\\{}[],:\n\r\t 0a-.eé\0"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0x80 }).ToArray();

    private static readonly CsvOptions Typed = Csv(
        Field("id", JsonTypes.Integer), Field("amount", JsonTypes.Number | JsonTypes.Null), Field("paid", JsonTypes.Boolean),
        Field("note", JsonTypes.String | JsonTypes.Null), Field("tags", JsonTypes.Array));

    private static readonly Dictionary<FileFormat, string> Samples = new()
    {
        [FileFormat.Jsonl] = "{\"id\":1,\"note\":\"a \\\"b\\\" é\"}\r\n\n{\"id\":2,\"tags\":[1,{\"x\":[true,null]}]}\n{\"id\":3}\n",
        [FileFormat.Json] = "\uFEFF[\n {\"id\":1,\"note\":\"a \\\"b\\\" é\"},\n {\"id\":2,\"tags\":[1,{\"x\":[true,null]}]},\n {\"id\":3}\n]\n",
        [FileFormat.Csv] = "id,amount,paid,note,tags\r\n1,2.5,true,\"a, \"\"b\"\"\nc\",\"[1,2]\"\r\n2,,FALSE,,[]\r\n\r\n3,1e3,true,é,\"[\"\"x\"\"]\"\r\n",
    };

    [TestCase(FileFormat.Jsonl)]
    [TestCase(FileFormat.Json)]
    [TestCase(FileFormat.Csv)]
    public async Task Damaged_files_give_problems_never_exceptions(FileFormat format)
    {
        var random = new Random(20260101 + (int)format);
        var sample = Encoding.UTF8.GetBytes(Samples[format]);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = Damage(sample, random);
            var chunk = random.Next(4) == 0 ? int.MaxValue : random.Next(1, 8);
            var limit = random.Next(3) == 0 ? random.Next(16, 80) : RecordReader.MaxRecordBytes;
            List<Read> reads;
            try
            {
                reads = await ReadAsync(bytes, format, chunk, format == FileFormat.Csv ? Typed : null, limit);
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i} threw {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(bytes)}");
                return;
            }

            var lines = bytes.Count(b => b == '\n') + 1;
            var context = $"iteration {i}, read by {chunk}, limit {limit}: {Convert.ToHexString(bytes)}\n{string.Join("\n", reads)}";
            Assert.That(reads.Select(r => r.Line), Is.Ordered.And.All.InRange(1, lines), context);
            Assert.That(reads.Where(r => r.Number > 0).Select(r => r.Number), Is.Ordered.And.Unique, context);
            Assert.That(reads.SkipLast(1).Where(r => r.Problem?.EndsReading == true), Is.Empty, "only the last entry may end reading: " + context);
            Assert.That(reads.Where(r => r.Problem is not null).Select(r => r.Problem!.Line), Is.All.InRange(1, lines), context);
            Assert.That(reads.Where(r => r.Problem is not null).Select(r => r.Problem!.Message), Has.None.Contains("LineNumber"), context);
        }
    }

    private static byte[] Damage(byte[] sample, Random random)
    {
        var bytes = sample.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] = Noise[random.Next(Noise.Length)];
                    break;
                case 2:
                    bytes.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 10), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }
}
