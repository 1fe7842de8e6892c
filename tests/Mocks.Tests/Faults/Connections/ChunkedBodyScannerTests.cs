using System.Text;
using ContractKit.Mocks.Faults.Connections;

namespace ContractKit.Mocks.Tests.Faults.Connections;

public class ChunkedBodyScannerTests
{
    private const string Body = "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\nTrailer: x\r\n\r\n";

    [Test]
    public void Finds_the_end_of_the_body_whatever_the_split()
    {
        var wire = Encoding.ASCII.GetBytes(Body + "NEXT");
        for (var split = 0; split <= wire.Length; split++)
        {
            var scanner = default(ChunkedBodyScanner);
            var first = scanner.Scan(wire.AsSpan(0, split), long.MaxValue, out var payload1);
            var second = scanner.IsDone ? 0 : scanner.Scan(wire.AsSpan(split), long.MaxValue, out var payload2);

            Assert.That(scanner.IsDone, Is.True, $"split at {split}");
            Assert.That(first + second, Is.EqualTo(Body.Length), $"split at {split}");
        }
    }

    [TestCase(0, "5\r\n")]
    [TestCase(3, "5\r\nhel")]
    [TestCase(5, "5\r\nhello\r\n6;name=value\r\n")]
    [TestCase(7, "5\r\nhello\r\n6;name=value\r\n w")]
    public void Stops_right_before_the_first_payload_byte_past_the_budget(int budget, string expected)
    {
        var scanner = default(ChunkedBodyScanner);

        var scanned = scanner.Scan(Encoding.ASCII.GetBytes(Body), budget, out var payload);

        Assert.That(Body[..scanned], Is.EqualTo(expected));
        Assert.That(payload, Is.EqualTo(budget));
        Assert.That(scanner.IsDone, Is.False);
    }

    [TestCase("x\r\n")]
    [TestCase("\r\n")]
    [TestCase("5\r\nhelloXY")]
    [TestCase("5\nhello\r\n")]
    [TestCase("ffffffffffffff\r\n")]
    public void Rejects_malformed_framing(string wire)
    {
        var scanner = default(ChunkedBodyScanner);

        Assert.That(scanner.Scan(Encoding.ASCII.GetBytes(wire), long.MaxValue, out _), Is.EqualTo(-1));
    }
}
