namespace ContractKit.Cli.Output;

/// <summary>Colours for people at a terminal, plain text for everything else (NO_COLOR respected).</summary>
internal sealed class Terminal(bool color)
{
    public static Terminal For(TextWriter writer) =>
        new(writer == Console.Out && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Green(string text) => Paint("32", text);

    public string Dim(string text) => Paint("2", text);

    public string Bold(string text) => Paint("1", text);

    private string Paint(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
