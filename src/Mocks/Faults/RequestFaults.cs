using System.Globalization;
using ContractKit.Contracts.Model.Simulation;
using System.Text;
using ContractKit.Mocks.Faults.Connections;
using ContractKit.Mocks.Feeds;
using ContractKit.Mocks.Ledger;
using ContractKit.Mocks.Randomness;

namespace ContractKit.Mocks.Faults;

/// <summary>
/// Decides, request by request, what the active fault profile does to it: an outage of the
/// timeline, an expired token, an empty rate-limit bucket, an error drawn by share, added latency.
/// Every injected fault is written to the ledger. Randomness comes from the seed and the request
/// number, time from the simulator's clock.
/// </summary>
internal sealed class RequestFaults(ProfileHistory profiles, TimeProvider clock, GroundTruthLedger ledger, ulong seed)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private long _requests;
    private (DateTimeOffset Since, double Tokens, DateTimeOffset Refilled)? _bucket;

    public ProxyDecision Decide(string method, string target, Func<string, string?> header)
    {
        var now = clock.GetUtcNow();
        var number = Interlocked.Increment(ref _requests);

        // One lookup of the active profile per request, and the request named only once it may be
        // faulted: the healthy case is every request of a load test.
        var active = profiles.At(now);
        var (since, _, profile) = active;
        if (profile is null)
        {
            return ProxyDecision.PassThrough;
        }

        var request = $"{method} {target}";
        if (ProfileHistory.OutageAt(active, now) is { } outage)
        {
            return Record(now, request, Outage(outage.Step, outage.Ends, now));
        }

        if (profile.Http is not { } http)
        {
            return ProxyDecision.PassThrough;
        }

        if (http.TokenExpiry is { } expiry && header("Authorization") is { } authorization)
        {
            DateTimeOffset firstUse;
            lock (_lock)
            {
                firstUse = _tokens.TryGetValue(authorization, out var seen) ? seen : _tokens[authorization] = now;
            }

            if (now - firstUse >= expiry.ToTimeSpan())
            {
                return Record(now, request, Json(401, [new("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"the token expired\"")],
                    "{\"error\":\"token expired\"}"), "token-expired");
            }
        }

        if (http.RateLimit is { } limit && Take(limit, since, now) is { } retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return Record(now, request, Json(429,
            [
                new("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)),
                new("X-RateLimit-Limit", limit.Burst.ToString(CultureInfo.InvariantCulture)),
                new("X-RateLimit-Remaining", "0"),
                new("X-RateLimit-Reset", (now + TimeSpan.FromSeconds(seconds)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ], "{\"error\":\"rate limited\"}"), "rate-limit");
        }

        var roll = Seeds.Unit(Seeds.Mix(seed, (ulong)number, 21));
        foreach (var (status, share) in http.Errors.OrderBy(e => e.Key))
        {
            if (roll < share.Fraction)
            {
                IReadOnlyList<KeyValuePair<string, string>> headers = status is 429 or 503 ? [new("Retry-After", "1")] : [];
                return Record(now, request, Json(status, headers, $"{{\"error\":\"simulated {status}\"}}"));
            }

            roll -= share.Fraction;
        }

        if (http.Latency is { } latency)
        {
            var delay = LatencySampler.Sample(latency, seed, number);
            ledger.Add(new LedgerFault(now, "latency", request, $"{delay.TotalMilliseconds:F0}ms added"));
            return new ProxyDecision.Pass(delay);
        }

        return ProxyDecision.PassThrough;
    }

    private static ProxyDecision Outage(OutageStep step, DateTimeOffset ends, DateTimeOffset now) => step.Mode switch
    {
        // A request that reaches a refusing source arrived on a connection opened before the outage: it is cut off.
        OutageKind.Refuse or OutageKind.Reset => new ProxyDecision.Reset(),
        OutageKind.Hang => new ProxyDecision.Hang(),
        OutageKind.Cut => new ProxyDecision.Cut(64),
        _ => Json(step.StatusCode ?? 503,
            [new("Retry-After", Math.Max(1, (int)Math.Ceiling((ends - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture))],
            $"{{\"error\":\"outage ({step.StatusCode})\"}}"),
    };

    /// <summary>Takes a token from the bucket; returns how long until one is available when it is empty.</summary>
    private TimeSpan? Take(RateLimit limit, DateTimeOffset profileSince, DateTimeOffset now)
    {
        lock (_lock)
        {
            // A new profile starts with a full bucket.
            if (_bucket is not { } bucket || bucket.Since != profileSince)
            {
                bucket = (profileSince, limit.Burst, now);
            }

            var tokens = Math.Min(limit.Burst, bucket.Tokens + ((now - bucket.Refilled).TotalSeconds * limit.Rate.PerSecond));
            if (tokens >= 1)
            {
                _bucket = (profileSince, tokens - 1, now);
                return null;
            }

            _bucket = (profileSince, tokens, now);
            return TimeSpan.FromSeconds((1 - tokens) / limit.Rate.PerSecond);
        }
    }

    private ProxyDecision Record(DateTimeOffset now, string request, ProxyDecision decision, string? kind = null)
    {
        kind ??= decision switch
        {
            ProxyDecision.Respond r => $"status {r.Status}",
            ProxyDecision.Reset => "reset",
            ProxyDecision.Hang => "hang",
            ProxyDecision.Cut => "cut",
            _ => "pass",
        };
        ledger.Add(new LedgerFault(now, kind, request, decision is ProxyDecision.Respond respond ? Encoding.UTF8.GetString(respond.Body.Span) : kind));
        return decision;
    }

    /// <summary>An answer the source gives instead of data; JSON, like its data.</summary>
    private static ProxyDecision.Respond Json(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string body) =>
        new(status, [.. headers, new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(body));
}
