using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>
/// The stable identity of a contract across versions: kebab-case, 1 to 64 characters
/// (<c>orders-service</c>). Diff, history and alerts key on it.
/// </summary>
public readonly partial record struct ContractId
{
    private ContractId(string value) => Value = value;

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Parses a kebab-case id.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The id, when the text is one.</param>
    /// <param name="error">Why the text is not an id.</param>
    public static bool TryParse(string text, out ContractId value, out string? error)
    {
        value = default;
        if (text.Length > 64 || !Pattern().IsMatch(text))
        {
            error = $"'{text}' is not a contract id: use lowercase letters, digits and single hyphens, e.g. orders-service";
            return false;
        }

        value = new ContractId(text);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static ContractId Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
