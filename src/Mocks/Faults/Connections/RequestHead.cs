namespace ContractKit.Mocks.Faults.Connections;

/// <summary>Why a request head cannot be forwarded, as the status the client gets.</summary>
internal enum RequestProblem
{
    None = 0,
    Malformed = 400,
    HeadTooLarge = 431,
    UnsupportedTransferCoding = 501,
    UnsupportedVersion = 505,
}

/// <summary>A parsed HTTP/1.x request head: what the proxy needs to frame the body and keep the connection.</summary>
internal readonly record struct RequestHead(
    string Method,
    string Target,
    List<KeyValuePair<string, string>> Headers,
    long ContentLength,
    bool Chunked,
    bool KeepAlive,
    bool ExpectsContinue)
{
    public bool IsHeadMethod => Method == "HEAD";

    /// <summary>Whether a body follows the head.</summary>
    public bool HasBody => Chunked || ContentLength > 0;

    /// <summary>Parses a head that ends with CRLF CRLF (RFC 9112 §2–§6).</summary>
    public static RequestProblem TryParse(ReadOnlySpan<byte> head, out RequestHead result)
    {
        result = default;
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = head[..lineEnd];
        var rest = head[(lineEnd + 2)..];

        // request-line = method SP request-target SP HTTP-version
        var firstSpace = requestLine.IndexOf((byte)' ');
        var lastSpace = requestLine.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
            return RequestProblem.Malformed;
        var method = requestLine[..firstSpace];
        var target = requestLine[(firstSpace + 1)..lastSpace];
        var version = requestLine[(lastSpace + 1)..];
        if (!HttpSyntax.IsToken(method) || target.ContainsAny(" \t\r\n\0"u8) || !HttpSyntax.IsFieldValue(target))
            return RequestProblem.Malformed;
        bool http11;
        if (version.SequenceEqual("HTTP/1.1"u8))
            http11 = true;
        else if (version.SequenceEqual("HTTP/1.0"u8))
            http11 = false;
        else
            return version.StartsWith("HTTP/"u8) ? RequestProblem.UnsupportedVersion : RequestProblem.Malformed;

        var headers = new List<KeyValuePair<string, string>>(8);
        var framing = new MessageFraming(rest, http11);
        var expectsContinue = false;
        bool malformed;
        while (framing.Next(out var name, out var value, out malformed))
        {
            if (HttpSyntax.EqualsIgnoreCase(name, "Expect"u8))
                expectsContinue = HttpSyntax.EqualsIgnoreCase(value, "100-continue"u8);
            headers.Add(new(HttpSyntax.Text(name, CommonHeaders), HttpSyntax.Text(value)));
        }
        if (malformed)
            return RequestProblem.Malformed;

        if (framing.HasTransferEncoding)
        {
            // Both framings at once is how requests are smuggled (RFC 9112 §6.1); a coding that does
            // not end in chunked cannot be framed at all.
            if (framing.ContentLength >= 0 || !http11)
                return RequestProblem.Malformed;
            if (!framing.Chunked)
                return RequestProblem.UnsupportedTransferCoding;
        }

        result = new RequestHead(
            HttpSyntax.Text(method, CommonMethods), HttpSyntax.Text(target), headers, framing.ContentLength, framing.Chunked, !framing.Close, expectsContinue);
        return RequestProblem.None;
    }

    /// <summary>Methods and header names that need no new string per request.</summary>
    private static readonly string[] CommonMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private static readonly string[] CommonHeaders =
        ["Host", "Accept", "Accept-Encoding", "Authorization", "User-Agent", "Content-Type", "Content-Length", "Connection", "traceparent"];
}
