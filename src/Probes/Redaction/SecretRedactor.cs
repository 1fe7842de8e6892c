using System.Collections.Concurrent;
using ContractKit.Contracts.Secrets;

namespace ContractKit.Probes.Redaction;

/// <summary>
/// Remembers every secret value a run resolved and removes it from any text leaving the probe:
/// messages, evidence, exception text from drivers (Npgsql names hosts and users; HTTP clients
/// echo URLs). Sources register secrets as they resolve them, and the parts of them that leak on
/// their own (a password inside a connection string).
/// </summary>
public sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);

    /// <summary>Registers a resolved secret (only values that came from references).</summary>
    public void Register(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.ContainsSecrets)
        {
            Register(secret.Reveal());
        }
    }

    /// <summary>Registers a fragment of a secret that may appear on its own.</summary>
    public void Register(string? value)
    {
        // Very short fragments would mask ordinary words; a secret that short is not much of one.
        if (value is { Length: >= 4 })
        {
            _values.TryAdd(value, 0);
        }
    }

    /// <summary>The text with every known secret replaced by ***.</summary>
    public string Redact(string text)
    {
        // Longest first, so a password inside a registered connection string is not half-masked.
        foreach (var value in _values.Keys.OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
