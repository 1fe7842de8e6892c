namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>
/// URI arithmetic for <c>$id</c> and <c>$ref</c>, done by hand where System.Uri falls short: it does
/// not split fragments off file URIs, and URNs are not hierarchical.
/// </summary>
internal static class SchemaUri
{
    public static (string Document, string Fragment) Split(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (uri, "") : (uri[..hash], uri[(hash + 1)..]);
    }

    public static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The form every document URI takes as a dictionary key.</summary>
    public static string Normalize(string document) =>
        IsHierarchical(document) && Uri.TryCreate(document, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : document;

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; the fragment is kept as written.</summary>
    public static bool TryResolve(string baseUri, string reference, out string resolved)
    {
        var (referenceDocument, fragment) = Split(reference);
        var suffix = reference.Contains('#', StringComparison.Ordinal) ? "#" + fragment : "";
        if (HasScheme(referenceDocument))
        {
            resolved = Normalize(referenceDocument) + suffix;
            return true;
        }

        var baseDocument = Split(baseUri).Document;
        if (referenceDocument.Length == 0)
        {
            resolved = baseDocument + suffix;
            return true;
        }

        if (IsHierarchical(baseDocument) && Uri.TryCreate(new Uri(baseDocument), referenceDocument, out var combined))
        {
            resolved = Normalize(combined.AbsoluteUri) + suffix;
            return true;
        }

        resolved = "";
        return false;
    }

    private static bool IsHierarchical(string uri) =>
        uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
