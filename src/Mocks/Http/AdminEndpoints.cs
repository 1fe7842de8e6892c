using System.Text.Encodings.Web;
using System.Text.Json;
using ContractKit.Contracts.Values;
using ContractKit.Mocks.Clock;
using Microsoft.AspNetCore.Http;

namespace ContractKit.Mocks.Http;

/// <summary>
/// The simulator's own endpoints under <see cref="SourceSimulator.AdminPath"/>: its state, profile
/// switching, clock moves and the ledger. They are answered in front of WireMock.Net rather than as
/// its mappings, because WireMock.Net matches every request against every mapping: four admin
/// mappings cost a data request about a quarter of its CPU time (bench/simulate.sh).
/// </summary>
internal sealed class AdminEndpoints(SourceSimulator simulator)
{
    // Admin answers are read by people with curl: keep quotes and non-ASCII names as they are.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Usage =
        "GET /__simulator (state), PUT /__simulator/profile/NAME, POST /__simulator/advance?by=10m, GET /__simulator/ledger";

    /// <summary>Answers an admin request; hands any other to <paramref name="next"/>.</summary>
    public Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments(SourceSimulator.AdminPath, StringComparison.Ordinal, out var rest))
        {
            return next(http);
        }

        var route = rest.Value ?? "";
        return route switch
        {
            "" or "/" => Only(http, ["GET"], () => WriteJsonAsync(http, 200, simulator.State())),
            "/advance" => Only(http, ["POST"], () => AdvanceAsync(http)),
            "/ledger" => Only(http, ["GET"], () => WriteLedgerAsync(http)),
            _ when route.StartsWith("/profile/", StringComparison.Ordinal) =>
                Only(http, ["PUT", "POST"], () => SwitchProfileAsync(http, route["/profile/".Length..])),
            _ => WriteErrorAsync(http, 404, $"no simulator endpoint {SourceSimulator.AdminPath}{route}; there are: {Usage}"),
        };
    }

    private Task SwitchProfileAsync(HttpContext http, string name)
    {
        try
        {
            simulator.SwitchProfile(name);
            return WriteJsonAsync(http, 200, simulator.State());
        }
        catch (ArgumentException e)
        {
            return WriteErrorAsync(http, 404, e.Message);
        }
    }

    private Task AdvanceAsync(HttpContext http)
    {
        if (simulator.Clock is not VirtualClock clock)
        {
            return WriteErrorAsync(http, 409, "this simulator runs on real (or sped-up) time; only a virtual clock can be advanced");
        }

        if (http.Request.Query["by"] is not [{ } by])
        {
            return WriteErrorAsync(http, 400, "say how far once, with ?by=10m");
        }

        if (!Duration.TryParse(by, out var step, out var error))
        {
            return WriteErrorAsync(http, 400, error ?? $"{by} is not a duration");
        }

        clock.Advance(step.ToTimeSpan());
        return WriteJsonAsync(http, 200, simulator.State());
    }

    private async Task WriteLedgerAsync(HttpContext http)
    {
        // The ledger writes synchronously; Kestrel's response stream does not allow that.
        using var buffer = new MemoryStream();
        simulator.Ledger.WriteNdjson(buffer);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/x-ndjson";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="handle"/> for one of <paramref name="methods"/>; answers any other 405 with <c>Allow</c>.</summary>
    private static Task Only(HttpContext http, string[] methods, Func<Task> handle)
    {
        if (Array.Exists(methods, m => HttpMethods.Equals(m, http.Request.Method)))
        {
            return handle();
        }

        http.Response.Headers.Allow = string.Join(", ", methods);
        return WriteErrorAsync(http, 405, $"{http.Request.Path} takes {string.Join(" or ", methods)}, not {http.Request.Method}");
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string message) =>
        WriteJsonAsync(http, status, new Dictionary<string, object?> { ["error"] = message });

    private static Task WriteJsonAsync(HttpContext http, int status, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }
}
