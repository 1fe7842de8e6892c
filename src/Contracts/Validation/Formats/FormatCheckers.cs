using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// The JSON Schema 2020-12 <c>format</c> values the record validator asserts, each with its check.
/// A check takes a string instance (other types always pass, and the caller does not call it for
/// them) and allocates nothing on the common path: these run on every record.
/// </summary>
internal static class FormatCheckers
{
    private static readonly FrozenDictionary<string, Func<string, bool>> Checks = new Dictionary<string, Func<string, bool>>(StringComparer.Ordinal)
    {
        ["date-time"] = DateTimeFormats.IsDateTime,
        ["date"] = DateTimeFormats.IsDate,
        ["time"] = DateTimeFormats.IsTime,
        ["duration"] = DateTimeFormats.IsDuration,
        ["email"] = EmailFormat.IsEmail,
        ["idn-email"] = EmailFormat.IsIdnEmail,
        ["hostname"] = HostnameFormat.IsHostname,
        ["idn-hostname"] = HostnameFormat.IsIdnHostname,
        ["ipv4"] = IpFormats.IsIPv4,
        ["ipv6"] = IpFormats.IsIPv6,
        ["uri"] = UriFormats.IsUri,
        ["uri-reference"] = UriFormats.IsUriReference,
        ["iri"] = UriFormats.IsIri,
        ["iri-reference"] = UriFormats.IsIriReference,
        ["uri-template"] = UriFormats.IsUriTemplate,
        ["uuid"] = UuidFormat.IsUuid,
        ["json-pointer"] = JsonPointerFormats.IsJsonPointer,
        ["relative-json-pointer"] = JsonPointerFormats.IsRelativeJsonPointer,
        ["regex"] = RegexFormat.IsRegex,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The formats that have a check; lint rejects any other <c>format</c> as unenforced.</summary>
    public static IReadOnlyCollection<string> Names { get; } = Checks.Keys;

    /// <summary>The check for a format, if it has one.</summary>
    /// <param name="format">The value of the <c>format</c> keyword.</param>
    /// <param name="check">Returns whether a string instance is valid.</param>
    public static bool TryGet(string format, [NotNullWhen(true)] out Func<string, bool>? check) =>
        Checks.TryGetValue(format, out check);
}
