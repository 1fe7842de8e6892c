namespace ContractKit.Mocks.Generation.Strings;

/// <summary>Words that make generated records read like real ones. Domains are reserved for examples (RFC 2606).</summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
        ["anna", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "isabel", "jonas", "kim", "leon", "maria", "noah", "olivia", "paul", "sofia", "tom"];

    public static readonly string[] LastNames =
        ["schmidt", "miller", "garcia", "nguyen", "kowalski", "rossi", "dubois", "smith", "jensen", "tanaka", "silva", "novak", "weber", "brown"];

    public static readonly string[] Domains = ["example.com", "example.org", "example.net", "shop.example.com", "mail.example.org"];

    public static readonly string[] InternationalNames = ["jürgen", "zoë", "søren", "josé", "françoise", "müller.anna", "łukasz", "ángel"];

    public static readonly string[] InternationalDomains = ["bücher.example", "straße.example.de", "café.example.fr", "münchen.example", "ñandú.example.es"];

    public static readonly string[] InternationalWords = ["straße", "über-uns", "café", "größe", "año"];

    public static readonly string[] Words =
    [
        "alpha", "amber", "basket", "cedar", "delta", "ember", "falcon", "garden", "harbor", "indigo", "jasper", "kernel", "lemon",
        "maple", "nectar", "orbit", "pepper", "quartz", "river", "silver", "timber", "umber", "velvet", "willow", "yellow", "zephyr",
        "orders", "invoice", "account", "product", "catalog", "search", "checkout", "profile", "report", "shipment",
    ];

    public static readonly string[] Regexes = ["^[a-z]+$", "[0-9]{3}-[0-9]{4}", "^(foo|bar)\\d*$", "^[A-Z]{2}[0-9]{2,4}$", "\\s+", "^https?://"];

    public static string Pick(string[] words, ref Prng rng) => words[rng.Next(words.Length)];
}
