using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ContractKit.Probes.Sources.Http;

/// <summary>
/// The bounded retry policy of HTTP probes (Polly): transient failures — 5xx, 408, 429, network
/// errors, a request timeout, a body cut off — are tried again up to <c>HttpRetries</c> times with
/// exponential back-off, or after the <c>Retry-After</c> the source asked for when that is at most
/// <see cref="RetryAfterCap"/>. A source that asks for a longer wait is not retried: the probe
/// reports what it answered. Each attempt has the source's <c>timeout</c>. The callers count every
/// attempt; the policy hides none.
/// </summary>
internal static class HttpRetryPolicy
{
    /// <summary>The longest <c>Retry-After</c> a probe waits for.</summary>
    public static TimeSpan RetryAfterCap { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The first back-off; each retry doubles it (with jitter).</summary>
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Builds the pipeline.</summary>
    /// <param name="retries">Most retries after the first attempt (0: none).</param>
    /// <param name="requestTimeout">Limit of each attempt, body included.</param>
    /// <param name="time">The clock the delays and timeouts run on.</param>
    public static ResiliencePipeline<HttpAnswer> Create(int retries, TimeSpan requestTimeout, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpAnswer> { TimeProvider = time };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpAnswer>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = RetryAfterCap,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        return builder.AddTimeout(requestTimeout).Build();
    }

    /// <summary>True when the outcome is worth another attempt.</summary>
    public static bool ShouldRetry(Outcome<HttpAnswer> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Exception: not null } => false,
        { Result: { Transient: true } answer } => answer.RetryAfter is null || answer.RetryAfter <= RetryAfterCap,
        _ => false,
    };

    /// <summary>True when the source asked to wait longer than a probe does.</summary>
    public static bool AskedTooLong(HttpAnswer answer) => answer.Transient && answer.RetryAfter > RetryAfterCap;
}
