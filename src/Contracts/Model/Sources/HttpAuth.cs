using ContractKit.Contracts.Secrets;

namespace ContractKit.Contracts.Model.Sources;

/// <summary>How requests to an HTTP source authenticate. Every credential is a secret reference.</summary>
public abstract record HttpAuth;

/// <summary><c>Authorization: Bearer …</c>.</summary>
/// <param name="Token">The token's reference.</param>
public sealed record BearerAuth(SecretText Token) : HttpAuth;

/// <summary><c>Authorization: Basic …</c>.</summary>
/// <param name="Username">The user name (may be literal).</param>
/// <param name="Password">The password's reference.</param>
public sealed record BasicAuth(SecretText Username, SecretText Password) : HttpAuth;

/// <summary>An API key in a header of its own, e.g. <c>X-Api-Key</c>.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The key's reference.</param>
public sealed record HeaderAuth(string Name, SecretText Value) : HttpAuth;
