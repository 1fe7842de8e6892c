using System.Text;

namespace ContractKit.Contracts.Secrets;

/// <summary>
/// Resolves <c>${env:NAME}</c> from the process environment (or a given lookup, for tests) and
/// <c>${file:path}</c> from files relative to the contract's folder.
/// </summary>
/// <param name="baseDirectory">The folder <c>${file:…}</c> paths are relative to.</param>
/// <param name="environment">Reads a variable; defaults to the process environment.</param>
public sealed class EnvironmentSecretResolver(string baseDirectory, Func<string, string?>? environment = null) : ISecretResolver
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <inheritdoc />
    public async ValueTask<SecretResolution> ResolveAsync(SecretText text, CancellationToken cancellationToken)
    {
        var value = new StringBuilder();
        foreach (var part in text.Parts)
        {
            if (part is string literal)
            {
                value.Append(literal);
                continue;
            }

            var reference = (SecretRef)part;
            if (reference.Provider == SecretProvider.Environment)
            {
                var variable = _environment(reference.Name);
                if (string.IsNullOrEmpty(variable))
                {
                    return new SecretResolution(null, $"the environment variable {reference.Name} is not set (referenced as {reference})");
                }

                value.Append(variable);
                continue;
            }

            try
            {
                var path = Path.Combine(baseDirectory, reference.Name);
                var content = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);

                // Secret files conventionally end with a newline that is not part of the value.
                value.Append(content.TrimEnd('\r', '\n'));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new SecretResolution(null, $"the secret file for {reference} cannot be read");
            }
        }

        return new SecretResolution(new Secret(value.ToString(), text.HasReferences), null);
    }
}
