namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>Test fixtures whose tests share one <see cref="Backend"/> (a WireMock.Net server takes a while to start).</summary>
public abstract class BackendFixture
{
    internal Backend Upstream { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartBackend() => Upstream = new Backend();

    [OneTimeTearDown]
    public void StopBackend() => Upstream.Dispose();
}
