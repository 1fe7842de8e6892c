namespace ContractKit.Cli.Output;

/// <summary>Machine-readable output carries this version; it changes only when a field changes meaning or disappears.</summary>
internal static class OutputVersion
{
    public const int Current = 1;
}
