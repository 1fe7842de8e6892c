using ContractKit.Mocks.Faults.Connections;
using Microsoft.AspNetCore.Http;

namespace ContractKit.Mocks.Faults.InProcess;

/// <summary>
/// Carries out a <see cref="ProxyDecision"/> for each request inside the server that answers it,
/// on the request's own connection, before the rest of the pipeline (WireMock.Net) sees it: passes
/// it on (after a delay), answers it, resets, hangs or cuts the connection. What a client sees is
/// what <see cref="FaultProxy"/> gives it, without the proxy's extra loopback hop.
/// </summary>
/// <param name="decide">Called once per request, concurrently for requests on different connections.</param>
/// <param name="hung">Where <see cref="ProxyDecision.Hang"/> holds its requests.</param>
/// <param name="time">The clock of the delays: real time (latency is never virtual).</param>
internal sealed class FaultMiddleware(Func<HttpContext, ProxyDecision> decide, HungRequests hung, TimeProvider time)
{
    /// <summary>Handles one request; <paramref name="next"/> is the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var decision = decide(http);

        // The healthy case, kept free of an async state machine: the simulator's throughput is its cost.
        if (decision is ProxyDecision.Pass { Delay.Ticks: 0 })
        {
            return next(http);
        }

        switch (decision)
        {
            case ProxyDecision.Pass pass:
                return PassAsync(http, next, pass.Delay);
            case ProxyDecision.Respond respond:
                return RespondAsync(http, respond);
            case ProxyDecision.Reset:
                ConnectionReset.Abort(http);
                return Task.CompletedTask;
            case ProxyDecision.Hang:
                return hung.HoldAsync(http);
            case ProxyDecision.Cut cut:
                return CutAsync(http, next, cut.BodyBytes);
            default:
                throw new InvalidOperationException($"unknown decision {decision}");
        }
    }

    private async Task PassAsync(HttpContext http, RequestDelegate next, TimeSpan delay)
    {
        if (await WaitAsync(http, delay).ConfigureAwait(false))
        {
            await next(http).ConfigureAwait(false);
        }
    }

    private async Task RespondAsync(HttpContext http, ProxyDecision.Respond respond)
    {
        if (!await WaitAsync(http, respond.Delay).ConfigureAwait(false))
        {
            return;
        }

        var response = http.Response;
        response.StatusCode = respond.Status;
        foreach (var (name, value) in respond.Headers)
        {
            response.Headers.Append(name, value);
        }

        response.ContentLength = respond.Body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(respond.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The real response, cut: its head with the full Content-Length, the first
    /// <paramref name="bodyBytes"/> bytes of its body, then the connection closes (FIN).
    /// </summary>
    private static async Task CutAsync(HttpContext http, RequestDelegate next, int bodyBytes)
    {
        var response = http.Response;
        var wire = response.Body;
        using var whole = new MemoryStream();
        response.Body = whole;
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            // Restoring the stream restores Kestrel's own body feature.
            response.Body = wire;
        }

        var body = whole.GetBuffer().AsMemory(0, (int)whole.Length);
        response.ContentLength = body.Length;
        if (bodyBytes >= body.Length)
        {
            // Nothing to cut: the whole response, then the connection closes as a cut one does.
            response.Headers.Connection = "close";
            await wire.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        // Fewer bytes than the Content-Length promises: Kestrel sends them, then closes the connection
        // (it cannot be kept alive), after its output is flushed: that is the cut.
        await wire.WriteAsync(body[..bodyBytes], http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Waits out a delay; false when the client went away meanwhile.</summary>
    private async Task<bool> WaitAsync(HttpContext http, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, time, http.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
