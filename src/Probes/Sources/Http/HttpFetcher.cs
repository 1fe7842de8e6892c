using Polly;
using Polly.Timeout;

namespace ContractKit.Probes.Sources.Http;

/// <summary>The outcome of one GET after the retry policy: the last answer, or why none came.</summary>
/// <param name="Answer">The last attempt's answer; null when no attempt got one.</param>
/// <param name="Attempts">Attempts made for this GET.</param>
/// <param name="Error">Why no answer came (network error, timeout); never holds a secret the redactor knows.</param>
internal sealed record FetchOutcome(HttpAnswer? Answer, int Attempts, string? Error);

/// <summary>
/// Sends GETs through the retry policy and writes every attempt — its latency, up to the end of
/// the body, and whether it failed — into the walk's <see cref="RequestLog"/>.
/// </summary>
internal sealed class HttpFetcher(HttpClient client, ResiliencePipeline<HttpAnswer> pipeline, TimeProvider time, TimeSpan requestTimeout)
{
    /// <summary>Gets one page.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<FetchOutcome> GetAsync(Uri uri, RequestLog log, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            var answer = await pipeline.ExecuteAsync(
                async token =>
                {
                    var retry = attempts++ > 0;
                    var started = time.GetTimestamp();
                    try
                    {
                        var answer = await SendAsync(uri, token).ConfigureAwait(false);
                        log.Add(time.GetElapsedTime(started), answer.Failed, retry);
                        return answer;
                    }
                    catch (Exception)
                    {
                        log.Add(time.GetElapsedTime(started), failed: true, retry);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return new FetchOutcome(answer, attempts, null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new FetchOutcome(null, attempts, Describe(e));
        }
    }

    private async Task<HttpAnswer> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream();
        var truncated = false;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection ended mid-body: keep what came, for evidence.
            truncated = true;
        }

        return HttpAnswer.From(response, body.ToArray(), truncated, time.GetUtcNow());
    }

    private string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => $"no complete answer within the source's {requestTimeout.TotalSeconds:0.###}s timeout",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"the host name does not resolve ({e.Message})",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => $"the connection failed ({e.Message})",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => $"the TLS handshake failed ({e.Message})",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => $"the response ended before it was complete ({Innermost(e)})",
        HttpRequestException when Innermost(e) is { } cause && cause != e.Message => $"{e.Message.TrimEnd('.')}: {cause}",
        _ => e.Message,
    };

    // HttpClient's outer message is generic ("An error occurred while sending the request."); the
    // socket error underneath ("Connection reset by peer") is what tells an outage from a bug.
    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
