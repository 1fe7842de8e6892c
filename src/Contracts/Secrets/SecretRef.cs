using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Secrets;

/// <summary>Where a secret's value lives.</summary>
public enum SecretProvider
{
    /// <summary><c>${env:NAME}</c>: an environment variable.</summary>
    Environment,

    /// <summary><c>${file:path}</c>: a file, relative to the contract (Docker/Kubernetes secrets).</summary>
    File,
}

/// <summary>
/// A reference to a secret, never its value: <c>${env:ORDERS_API_TOKEN}</c> or
/// <c>${file:secrets/token}</c>. Printing a reference prints the reference.
/// </summary>
/// <param name="Provider">Where the value lives.</param>
/// <param name="Name">The variable name or file path.</param>
public sealed partial record SecretRef(SecretProvider Provider, string Name)
{
    /// <summary>Parses the inside of <c>${…}</c>: <c>env:NAME</c> or <c>file:path</c>.</summary>
    internal static bool TryParseBody(string body, out SecretRef? value, out string? error)
    {
        value = null;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var provider = colon < 0 ? body : body[..colon];
        var name = colon < 0 ? "" : body[(colon + 1)..];
        switch (provider)
        {
            case "env" when EnvName().IsMatch(name):
                value = new SecretRef(SecretProvider.Environment, name);
                error = null;
                return true;
            case "env":
                error = name.Length == 0
                    ? "${env:} names no variable: write ${env:NAME}"
                    : $"'{name}' is not an environment variable name: use letters, digits and _, not starting with a digit";
                return false;
            case "file" when name.Length > 0 && name.Trim() == name:
                value = new SecretRef(SecretProvider.File, name);
                error = null;
                return true;
            case "file":
                error = "${file:} names no file: write ${file:path/relative/to/the/contract}";
                return false;
            default:
                error = $"'{provider}' is not a secret provider: write ${{env:NAME}} or ${{file:path}}";
                return false;
        }
    }

    /// <summary>The reference as written in a contract.</summary>
    public override string ToString() => Provider == SecretProvider.Environment ? $"${{env:{Name}}}" : $"${{file:{Name}}}";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();
}
