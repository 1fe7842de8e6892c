namespace ContractKit.Mocks.Faults.Connections;

/// <summary>
/// Walks the header section of a head (after its start line) and keeps the fields that frame the
/// message and steer its connection: Content-Length, Transfer-Encoding, Connection (RFC 9112 §6, §9.3).
/// </summary>
internal ref struct MessageFraming
{
    private ReadOnlySpan<byte> _rest;
    private readonly bool _http11;

    /// <param name="fields">The header lines, each ending in CRLF, then the blank line.</param>
    /// <param name="http11">HTTP/1.1 (persistent unless "close") rather than HTTP/1.0 (closed unless "keep-alive").</param>
    public MessageFraming(ReadOnlySpan<byte> fields, bool http11)
    {
        _rest = fields;
        _http11 = http11;
        Close = !http11;
    }

    /// <summary>The Content-Length, or -1.</summary>
    public long ContentLength { get; private set; } = -1;

    /// <summary>Whether a Transfer-Encoding field was present.</summary>
    public bool HasTransferEncoding { get; private set; }

    /// <summary>Whether the last transfer coding is chunked.</summary>
    public bool Chunked { get; private set; }

    /// <summary>Whether the connection closes after this message.</summary>
    public bool Close { get; private set; }

    /// <summary>
    /// Reads the next field; false at the blank line that ends the head, or when the field is
    /// malformed (then <paramref name="malformed"/>): no token before the colon (a space before it or
    /// a folded line is how requests are smuggled, RFC 9112 §5.1–§5.2), a control character in the
    /// value, or Content-Lengths that disagree.
    /// </summary>
    public bool Next(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool malformed)
    {
        var lineEnd = _rest.IndexOf("\r\n"u8);
        var line = _rest[..lineEnd];
        _rest = _rest[(lineEnd + 2)..];
        name = value = default;
        malformed = false;
        if (line.IsEmpty)
            return false;
        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || !HttpSyntax.IsToken(line[..colon]))
        {
            malformed = true;
            return false;
        }
        name = line[..colon];
        value = line[(colon + 1)..].Trim(" \t"u8);
        if (!HttpSyntax.IsFieldValue(value))
        {
            malformed = true;
            return false;
        }

        if (HttpSyntax.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            var length = HttpSyntax.ParseLength(value);
            malformed = length < 0 || (ContentLength >= 0 && ContentLength != length);
            ContentLength = length;
        }
        else if (HttpSyntax.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            HasTransferEncoding = true;
            Chunked = HttpSyntax.EqualsIgnoreCase(HttpSyntax.LastOfList(value), "chunked"u8);
        }
        else if (HttpSyntax.EqualsIgnoreCase(name, "Connection"u8))
        {
            if (HttpSyntax.ListContains(value, "close"u8))
                Close = true;
            else if (!_http11 && HttpSyntax.ListContains(value, "keep-alive"u8))
                Close = false;
        }
        return !malformed;
    }
}
