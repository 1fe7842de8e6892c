using System.Text;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Secrets;
using ContractKit.Mocks.Faults.Connections;

namespace ContractKit.Mocks.Http;

/// <summary>
/// The credentials a simulated HTTP source accepts: its contract's <c>auth</c> with every secret
/// reference standing for <see cref="SourceSimulator.Token"/>. A request without them is answered
/// 401, as the real source would, so a client's auth wiring is tested along with the rest.
/// </summary>
internal sealed class SimulatedCredentials
{
    private static readonly byte[] Body = "{\"error\":\"missing or wrong credentials\"}"u8.ToArray();
    private readonly string _header;
    private readonly string? _scheme;
    private readonly string _value;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _challenge;

    private SimulatedCredentials(string header, string? scheme, string value)
    {
        _header = header;
        _scheme = scheme;
        _value = value;
        _challenge = scheme is null ? [] : [new("WWW-Authenticate", $"{scheme} realm=\"simulated source\"")];
    }

    /// <summary>The credentials <paramref name="auth"/> asks for; null when the source has no auth.</summary>
    public static SimulatedCredentials? For(HttpAuth? auth, string token) => auth switch
    {
        BearerAuth bearer => new("Authorization", "Bearer", Render(bearer.Token, token)),
        BasicAuth basic => new("Authorization", "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Render(basic.Username, token)}:{Render(basic.Password, token)}"))),
        HeaderAuth header => new(header.Name, null, Render(header.Value, token)),
        _ => null,
    };

    /// <summary>True when the request carries the credentials (the scheme's case aside, as RFC 9110 allows).</summary>
    public bool Accept(Func<string, string?> header)
    {
        if (header(_header) is not { } sent)
        {
            return false;
        }

        if (_scheme is null)
        {
            return string.Equals(sent, _value, StringComparison.Ordinal);
        }

        var space = sent.IndexOf(' ', StringComparison.Ordinal);
        return space > 0
            && string.Equals(sent[..space], _scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(sent[(space + 1)..].Trim(), _value, StringComparison.Ordinal);
    }

    /// <summary>The 401 a request without the credentials gets.</summary>
    public ProxyDecision Challenge() => new ProxyDecision.Respond(401, [.. _challenge, new("Content-Type", "application/json")], Body);

    private static string Render(SecretText text, string token) =>
        string.Concat(text.Parts.Select(part => part as string ?? token));
}
