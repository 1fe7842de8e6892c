using System.Text.Json;

namespace ContractKit.Probes.Sources.Http;

/// <summary>JSON value kinds as messages name them, for a page and its cursor alike.</summary>
internal static class JsonKinds
{
    /// <summary>The kind with its article: <c>an object</c>, <c>a string</c>, <c>null</c>.</summary>
    public static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
