using System.Collections.Immutable;
using ContractKit.Contracts.Secrets;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Sources;

/// <summary>The kinds of system a contract can describe.</summary>
public enum SourceKind
{
    /// <summary>A REST/JSON API.</summary>
    Http,

    /// <summary>A PostgreSQL database.</summary>
    Postgres,

    /// <summary>Files dropped into a folder.</summary>
    Files,

    /// <summary>A message queue or log (Kafka, AMQP).</summary>
    Queue,

    /// <summary>Webhooks the source pushes to the consumer.</summary>
    Webhook,
}

/// <summary>The system the records come from. One subtype per <see cref="SourceKind"/>.</summary>
public abstract record SourceDefinition
{
    /// <summary>Which kind of system.</summary>
    public abstract SourceKind Kind { get; }
}

/// <summary>An HTTP JSON API.</summary>
/// <param name="BaseUrl">The API's root URL, usually a reference.</param>
/// <param name="Auth">How requests authenticate, if at all.</param>
/// <param name="Timeout">Per-request timeout.</param>
/// <param name="Headers">Extra request headers.</param>
public sealed record HttpSource(SecretText BaseUrl, HttpAuth? Auth, Duration Timeout, ImmutableDictionary<string, SecretText> Headers) : SourceDefinition
{
    /// <summary>Default per-request timeout.</summary>
    public static Duration DefaultTimeout { get; } = Duration.FromSeconds(10);

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Http;
}

/// <summary>A PostgreSQL database, reached only through a connection-string reference.</summary>
/// <param name="Connection">The connection string's reference.</param>
/// <param name="StatementTimeout">Server-side limit for every probe query.</param>
public sealed record PostgresSource(SecretText Connection, Duration StatementTimeout) : SourceDefinition
{
    /// <summary>Default statement timeout.</summary>
    public static Duration DefaultStatementTimeout { get; } = Duration.FromSeconds(5);

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Postgres;
}

/// <summary>Files dropped into a folder; dataset paths are relative to <see cref="Root"/>.</summary>
/// <param name="Root">Folder the dataset globs are relative to, itself relative to the contract.</param>
public sealed record FilesSource(string Root) : SourceDefinition
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Files;
}

/// <summary>The wire protocols a queue source can use.</summary>
public enum QueueProtocol
{
    /// <summary>Apache Kafka.</summary>
    Kafka,

    /// <summary>AMQP 0-9-1 (RabbitMQ).</summary>
    Amqp,
}

/// <summary>A message queue or log.</summary>
/// <param name="Protocol">The wire protocol.</param>
/// <param name="Url">The broker address, usually a reference.</param>
public sealed record QueueSource(QueueProtocol Protocol, SecretText Url) : SourceDefinition
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Queue;
}

/// <summary>Webhooks the source sends to the consumer.</summary>
/// <param name="SigningSecret">The shared secret for request signatures, when the source signs.</param>
public sealed record WebhookSource(SecretText? SigningSecret) : SourceDefinition
{
    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Webhook;
}
