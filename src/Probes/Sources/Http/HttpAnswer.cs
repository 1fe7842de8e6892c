using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;

namespace ContractKit.Probes.Sources.Http;

/// <summary>What one request got back: its status, the headers a probe uses and the whole body.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Reason">The reason phrase (or the status code's name when the server sent none).</param>
/// <param name="ContentType">The media type the body claims.</param>
/// <param name="Date">The <c>Date</c> header: the source's clock.</param>
/// <param name="RetryAfter">How long the source asked to wait before a retry (<c>Retry-After</c>).</param>
/// <param name="Links">The <c>Link</c> header values.</param>
/// <param name="Body">The body bytes read (all of them, unless <paramref name="Truncated"/>).</param>
/// <param name="Truncated">True when the connection ended before the body did.</param>
internal sealed record HttpAnswer(int Status, string Reason, string? ContentType, DateTimeOffset? Date, TimeSpan? RetryAfter,
    ImmutableArray<string> Links, byte[] Body, bool Truncated)
{
    /// <summary>A 2xx status.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>True when the attempt did not get a whole successful answer; such an attempt counts as failed.</summary>
    public bool Failed => !Succeeded || Truncated;

    /// <summary>True when trying again may help: 5xx, 408, 429, or a body cut off.</summary>
    public bool Transient => Status is >= 500 or 408 or 429 || (Succeeded && Truncated);

    /// <summary>Reads what a probe needs from a response whose body has been read.</summary>
    public static HttpAnswer From(HttpResponseMessage response, byte[] body, bool truncated, DateTimeOffset now)
    {
        var headers = response.Headers;
        return new HttpAnswer(
            (int)response.StatusCode,
            string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase,
            response.Content.Headers.ContentType?.MediaType,
            headers.Date,
            RetryDelay(headers.RetryAfter, headers.Date ?? now),
            headers.TryGetValues("Link", out var links) ? [.. links] : [],
            body,
            truncated);
    }

    // An HTTP-date in Retry-After is on the source's clock: compare it with the source's Date.
    private static TimeSpan? RetryDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now) => retryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
