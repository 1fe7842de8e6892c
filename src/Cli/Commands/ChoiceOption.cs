using System.CommandLine;

namespace ContractKit.Cli.Commands;

/// <summary>
/// An option whose value is one of an enum's members, spelled in lower case as users type them
/// (<c>--format &lt;text|json|junit&gt;</c>). The enum's first member is the default: it is what
/// the option holds when it is not given, and the description says so, because help would print
/// a default in the enum's own spelling (<c>[default: Text]</c>).
/// </summary>
internal static class ChoiceOption
{
    public static Option<T> Create<T>(string name, string? alias, string description)
        where T : struct, Enum
    {
        string[] aliases = alias is null ? [] : [alias];
        var choices = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        return new Option<T>(name, aliases)
        {
            HelpName = string.Join('|', choices),
            Description = description,

            // The parser's own message names the enum type and its members in C# spelling.
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
                {
                    return value;
                }

                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", choices)}");
                return default;
            },
        };
    }
}
