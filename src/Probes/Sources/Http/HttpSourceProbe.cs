using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Sources;

namespace ContractKit.Probes.Sources.Http;

/// <summary>
/// REST/JSON APIs. One <see cref="HttpClient"/> per run, sending the contract's auth and extra
/// headers (resolved from their references and registered with the redactor, together with a base
/// URL that came from a reference and the parts of it that error messages echo) and
/// <c>Accept: application/json</c>. Redirects are not followed, so credentials reach only the
/// source. Each dataset's pages are walked by <see cref="HttpSession"/>.
/// </summary>
internal sealed class HttpSourceProbe : ISourceProbe
{
    // The per-request limits the retry policy's timeout accepts.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    public SourceKind Kind => SourceKind.Http;

    public async Task<ISourceSession> OpenAsync(Contract contract, ProbeContext context, CancellationToken cancellationToken)
    {
        var source = (HttpSource)contract.Source;
        var baseUrl = await context.ResolveAsync(source.BaseUrl, cancellationToken).ConfigureAwait(false);
        if (!Uri.TryCreate(baseUrl.Reveal(), UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            // The template names references, never their values.
            throw new ProbeConfigurationException($"the source's baseUrl ({source.BaseUrl.Template}) is not an absolute http or https URL");
        }

        if (baseUrl.ContainsSecrets)
        {
            RegisterUrl(baseUri, context);
        }

        var headers = new List<(string Name, string Value)>();
        switch (source.Auth)
        {
            case BearerAuth bearer:
                headers.Add(("Authorization", "Bearer " + (await context.ResolveAsync(bearer.Token, cancellationToken).ConfigureAwait(false)).Reveal()));
                break;
            case BasicAuth basic:
                var user = await context.ResolveAsync(basic.Username, cancellationToken).ConfigureAwait(false);
                var password = await context.ResolveAsync(basic.Password, cancellationToken).ConfigureAwait(false);
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Reveal()}:{password.Reveal()}"));
                context.Redactor.Register(credentials);
                headers.Add(("Authorization", "Basic " + credentials));
                break;
            case HeaderAuth header:
                headers.Add((header.Name, (await context.ResolveAsync(header.Value, cancellationToken).ConfigureAwait(false)).Reveal()));
                break;
        }

        foreach (var (name, value) in source.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            headers.Add((name, (await context.ResolveAsync(value, cancellationToken).ConfigureAwait(false)).Reveal()));
        }

        var timeout = source.Timeout.ToTimeSpan();
        if (timeout < MinTimeout || timeout > MaxTimeout)
        {
            throw new ProbeConfigurationException($"the source's timeout ({source.Timeout}) must be between 10ms and 24h");
        }

        var client = CreateClient(context, timeout);
        try
        {
            foreach (var (name, value) in headers)
            {
                client.DefaultRequestHeaders.Remove(name);
                if (!client.DefaultRequestHeaders.TryAddWithoutValidation(name, value))
                {
                    throw new ProbeConfigurationException($"the header {name} cannot be sent with a request (it describes a body or is not a valid name)");
                }
            }

            var pipeline = HttpRetryPolicy.Create(context.Options.HttpRetries, timeout, context.Time);
            return new HttpSession(client, new HttpFetcher(client, pipeline, context.Time, timeout), baseUri, context);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static HttpClient CreateClient(ProbeContext context, TimeSpan timeout)
    {
        var handler = context.Options.HttpHandler?.Invoke() ?? new SocketsHttpHandler
        {
            ConnectTimeout = timeout,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,

            // A redirect would carry the auth headers (an API key, extra headers) to wherever it points.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };

        // Each attempt's limit is the retry policy's (it covers the body too); the client sets none of its own.
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("contractkit-probe", "1"));
        return client;
    }

    // Error messages name the parts of a URL, not the URL as written: "Connection refused (host:port)".
    private static void RegisterUrl(Uri uri, ProbeContext context)
    {
        context.Redactor.Register(uri.AbsoluteUri);
        context.Redactor.Register(uri.AbsoluteUri.TrimEnd('/'));
        context.Redactor.Register(uri.GetLeftPart(UriPartial.Authority));
        context.Redactor.Register(uri.Authority);
        context.Redactor.Register($"{uri.Host}:{uri.Port}");
        context.Redactor.Register(uri.IdnHost);
        context.Redactor.Register(uri.Host);
        foreach (var part in uri.UserInfo.Split(':').Prepend(uri.UserInfo))
        {
            context.Redactor.Register(Uri.UnescapeDataString(part));
        }
    }
}
