using ContractKit.Probes.Sources.Files;
using ContractKit.Probes.Sources.Http;

namespace ContractKit.Probes.Sources;

/// <summary>The source kinds ContractKit can probe. A new kind is an <see cref="ISourceProbe"/> and a line here.</summary>
public static class SourceProbes
{
    /// <summary>Every built-in source probe.</summary>
    public static IReadOnlyList<ISourceProbe> All { get; } = [new FilesSourceProbe(), new HttpSourceProbe(), new Postgres.PostgresSourceProbe()];
}
