namespace ContractKit.Mocks.Faults.Connections;

/// <summary>
/// Follows a chunked body (RFC 9112 §7.1) through the bytes relayed, without changing them: tells
/// where the body ends, and where the N-th payload byte is for <see cref="ProxyDecision.Cut"/>.
/// Chunk payloads are skipped in bulk, so scanning costs a few steps per chunk, not per byte.
/// </summary>
internal struct ChunkedBodyScanner
{
    private const long MaxChunkSize = 1L << 40;

    private State _state;
    private long _remaining;
    private bool _sawDigit;

    private enum State
    {
        Size,
        Extension,
        SizeLf,
        Data,
        DataCr,
        DataLf,
        TrailerStart,
        Trailer,
        TrailerLf,
        FinalLf,
        Done,
    }

    /// <summary>Whether the last chunk and the trailer section have been seen.</summary>
    public readonly bool IsDone => _state == State.Done;

    /// <summary>
    /// Scans <paramref name="wire"/> and returns how many of its bytes belong to the body, stopping
    /// at the end of the body or right after the <paramref name="payloadBudget"/>-th payload byte;
    /// -1 when the framing is malformed.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> wire, long payloadBudget, out long payloadBytes)
    {
        payloadBytes = 0;
        var i = 0;
        while (i < wire.Length && _state != State.Done)
        {
            if (_state == State.Data)
            {
                if (payloadBytes >= payloadBudget)
                    break;
                var take = (int)Math.Min(Math.Min(_remaining, wire.Length - i), payloadBudget - payloadBytes);
                i += take;
                payloadBytes += take;
                _remaining -= take;
                if (_remaining == 0)
                    _state = State.DataCr;
                continue;
            }

            var b = wire[i++];
            switch (_state)
            {
                case State.Size:
                    var digit = HexValue(b);
                    if (digit >= 0)
                    {
                        _remaining = _remaining * 16 + digit;
                        _sawDigit = true;
                        if (_remaining > MaxChunkSize)
                            return -1;
                    }
                    else if (!_sawDigit)
                        return -1;
                    else if (b == '\r')
                        _state = State.SizeLf;
                    else if (b is (byte)';' or (byte)' ' or (byte)'\t')
                        _state = State.Extension;
                    else
                        return -1;
                    break;
                case State.Extension:
                    if (b == '\r')
                        _state = State.SizeLf;
                    else if (b == '\n')
                        return -1;
                    break;
                case State.SizeLf:
                    if (b != '\n')
                        return -1;
                    _sawDigit = false;
                    _state = _remaining == 0 ? State.TrailerStart : State.Data;
                    break;
                case State.DataCr:
                    if (b != '\r')
                        return -1;
                    _state = State.DataLf;
                    break;
                case State.DataLf:
                    if (b != '\n')
                        return -1;
                    _state = State.Size;
                    break;
                case State.TrailerStart:
                    _state = b == '\r' ? State.FinalLf : State.Trailer;
                    break;
                case State.Trailer:
                    if (b == '\r')
                        _state = State.TrailerLf;
                    break;
                case State.TrailerLf:
                    if (b != '\n')
                        return -1;
                    _state = State.TrailerStart;
                    break;
                case State.FinalLf:
                    if (b != '\n')
                        return -1;
                    _state = State.Done;
                    break;
            }
        }
        return i;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
