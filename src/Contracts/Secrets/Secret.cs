namespace ContractKit.Contracts.Secrets;

/// <summary>
/// A resolved secret value. It prints as <c>***</c> everywhere (ToString, string interpolation,
/// debugger display); only <see cref="Reveal"/> hands out the value, at the one place it is used.
/// </summary>
[System.Diagnostics.DebuggerDisplay("***")]
public sealed class Secret
{
    private readonly string _value;

    internal Secret(string value, bool containsSecrets)
    {
        _value = value;
        ContainsSecrets = containsSecrets;
    }

    /// <summary>True when any part of the value came from a secret reference (a plain literal is not secret).</summary>
    public bool ContainsSecrets { get; }

    /// <summary>The value, for the one call that needs it (an HTTP header, a connection).</summary>
    public string Reveal() => _value;

    /// <summary>Never the value.</summary>
    public override string ToString() => "***";
}
