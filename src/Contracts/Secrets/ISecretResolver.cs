namespace ContractKit.Contracts.Secrets;

/// <summary>Resolves secret references when a probe or simulator needs the value. Lint never calls it.</summary>
public interface ISecretResolver
{
    /// <summary>Resolves every reference in <paramref name="text"/>.</summary>
    /// <param name="text">The template.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The value, or an error that names the reference (never a value).</returns>
    ValueTask<SecretResolution> ResolveAsync(SecretText text, CancellationToken cancellationToken);
}

/// <summary>A resolved secret, or why it could not be resolved.</summary>
/// <param name="Secret">The value, on success.</param>
/// <param name="Error">What is missing, naming the reference only.</param>
public sealed record SecretResolution(Secret? Secret, string? Error)
{
    /// <summary>True when resolution succeeded.</summary>
    public bool Succeeded => Secret is not null;
}
