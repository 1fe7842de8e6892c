namespace ContractKit.Contracts.Tests.Support;

/// <summary>Paths the Contracts tests read, beside the shared <see cref="TestRepository"/> ones.</summary>
internal static class Repository
{
    public static string Root => TestRepository.Root;

    public static string Contracts => TestRepository.Contracts;

    public static string LintFixtures => Path.Combine(Root, "tests", "Contracts.Tests", "Fixtures", "lint");

    public static string Example(string name) => TestRepository.Example(name);
}
