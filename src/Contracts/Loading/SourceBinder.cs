using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Secrets;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>Binds <c>source:</c>. One method per <see cref="SourceKind"/>.</summary>
internal static class SourceBinder
{
    public static SourceKind? Kind(BindContext context, MappingNode? source) =>
        context.Text(source, "kind") switch
        {
            "http" => SourceKind.Http,
            "postgres" => SourceKind.Postgres,
            "files" => SourceKind.Files,
            "queue" => SourceKind.Queue,
            "webhook" => SourceKind.Webhook,
            _ => null,
        };

    public static SourceDefinition? Bind(BindContext context, MappingNode? source) => Kind(context, source) switch
    {
        SourceKind.Http => Http(context, source!),
        SourceKind.Postgres => Postgres(context, source!),
        SourceKind.Files => new FilesSource(context.Text(source, "root") ?? "."),
        SourceKind.Queue => Queue(context, source!),
        SourceKind.Webhook => Webhook(context, source!),
        _ => null,
    };

    private static HttpSource? Http(BindContext context, MappingNode source)
    {
        var baseUrl = context.Secret(source, "baseUrl", referenceOnly: false);
        var timeout = context.Value<Duration>(source, "timeout", Duration.TryParse, Rules.InvalidDuration);
        var auth = Auth(context, BindContext.Mapping(source, "auth"));
        var headers = ImmutableDictionary.CreateBuilder<string, SecretText>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in BindContext.Mapping(source, "headers")?.Entries ?? [])
        {
            if (context.Secret(entry.Value, referenceOnly: false) is { } value)
            {
                headers[entry.Key] = value;
            }
        }

        return baseUrl is null || (source["auth"] is not null && auth is null)
            ? null
            : new HttpSource(baseUrl, auth, timeout ?? HttpSource.DefaultTimeout, headers.ToImmutable());
    }

    private static HttpAuth? Auth(BindContext context, MappingNode? auth)
    {
        if (auth is null)
        {
            return null;
        }

        if (context.Secret(auth, "bearer", referenceOnly: true) is { } token)
        {
            return new BearerAuth(token);
        }

        if (BindContext.Mapping(auth, "basic") is { } basic &&
            context.Secret(basic, "username", referenceOnly: false) is { } user &&
            context.Secret(basic, "password", referenceOnly: true) is { } password)
        {
            return new BasicAuth(user, password);
        }

        if (BindContext.Mapping(auth, "header") is { } header && context.Text(header, "name") is { } name &&
            context.Secret(header, "value", referenceOnly: true) is { } value)
        {
            return new HeaderAuth(name, value);
        }

        return null;
    }

    private static PostgresSource? Postgres(BindContext context, MappingNode source)
    {
        var connection = context.Secret(source, "connection", referenceOnly: true);
        var timeout = context.Value<Duration>(source, "statementTimeout", Duration.TryParse, Rules.InvalidDuration);
        return connection is null ? null : new PostgresSource(connection, timeout ?? PostgresSource.DefaultStatementTimeout);
    }

    private static QueueSource? Queue(BindContext context, MappingNode source)
    {
        var protocol = context.Enum<QueueProtocol>(source, "protocol");
        var url = context.Secret(source, "url", referenceOnly: false);
        return protocol is null || url is null ? null : new QueueSource(protocol.Value, url);
    }

    private static WebhookSource? Webhook(BindContext context, MappingNode source)
    {
        var secret = context.Secret(source, "signingSecret", referenceOnly: true);
        return source["signingSecret"] is not null && secret is null ? null : new WebhookSource(secret);
    }
}
