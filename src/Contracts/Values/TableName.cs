using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>
/// A PostgreSQL table, <c>schema.table</c> or <c>table</c> (schema <c>public</c>). Names are
/// plain identifiers, so they can be quoted safely into catalog queries.
/// </summary>
public sealed partial record TableName(string Schema, string Table)
{
    /// <summary>Parses <c>public.payments</c> or <c>payments</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The name, when the text is one.</param>
    /// <param name="error">Why the text is not a table name.</param>
    public static bool TryParse(string text, out TableName? value, out string? error)
    {
        value = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not a table name: write table or schema.table with letters, digits, _ and $";
            return false;
        }

        value = new TableName(match.Groups[1].Success ? match.Groups[1].Value : "public", match.Groups[2].Value);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static TableName Parse(string text) =>
        TryParse(text, out var value, out var error) ? value! : throw new FormatException(error);

    /// <summary>The name quoted for SQL: <c>"public"."payments"</c>.</summary>
    public string ToSql() => $"\"{Schema}\".\"{Table}\"";

    /// <inheritdoc />
    public override string ToString() => $"{Schema}.{Table}";

    [GeneratedRegex(@"^(?:([A-Za-z_][A-Za-z0-9_$]{0,62})\.)?([A-Za-z_][A-Za-z0-9_$]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
