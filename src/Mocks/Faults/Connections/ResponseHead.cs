namespace ContractKit.Mocks.Faults.Connections;

/// <summary>How the body of a backend response is delimited (RFC 9112 §6.3).</summary>
internal enum BodyFraming
{
    /// <summary>No body: HEAD, 1xx, 204, 304, or Content-Length 0.</summary>
    None,

    /// <summary>Exactly <see cref="ResponseHead.ContentLength"/> bytes.</summary>
    Length,

    /// <summary>Chunked transfer coding.</summary>
    Chunked,

    /// <summary>Everything until the backend closes the connection.</summary>
    UntilClose,
}

/// <summary>A parsed backend response head: only what relaying it needs.</summary>
internal readonly record struct ResponseHead(int Status, BodyFraming Framing, long ContentLength, bool Close)
{
    /// <summary>An interim response (100 Continue, 103 Early Hints), followed by the final one; 101 is final.</summary>
    public bool IsInterim => Status is >= 100 and < 200 and not 101;

    /// <summary>Parses a head that ends with CRLF CRLF; false when it is not HTTP/1.x.</summary>
    public static bool TryParse(ReadOnlySpan<byte> head, bool headRequest, out ResponseHead result)
    {
        result = default;
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = head[..lineEnd];
        var rest = head[(lineEnd + 2)..];
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != ' '
            || (statusLine.Length > 12 && statusLine[12] != ' '))
            return false;
        var http11 = statusLine[7] == '1';
        var code = statusLine.Slice(9, 3);
        if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2]))
            return false;
        var status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');

        var fields = new MessageFraming(rest, http11);
        bool malformed;
        while (fields.Next(out _, out _, out malformed))
        {
        }
        if (malformed)
            return false;

        BodyFraming framing;
        if (HttpSyntax.HasNoBody(headRequest, status))
            framing = BodyFraming.None;
        else if (fields.HasTransferEncoding)
            framing = fields.Chunked ? BodyFraming.Chunked : BodyFraming.UntilClose;
        else if (fields.ContentLength >= 0)
            framing = fields.ContentLength == 0 ? BodyFraming.None : BodyFraming.Length;
        else
            framing = BodyFraming.UntilClose;
        result = new ResponseHead(status, framing, fields.ContentLength, fields.Close || framing == BodyFraming.UntilClose);
        return true;
    }
}
