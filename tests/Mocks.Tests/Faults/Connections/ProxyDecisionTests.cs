using System.Net;
using ContractKit.Mocks.Faults.Connections;

namespace ContractKit.Mocks.Tests.Faults.Connections;

public class ProxyDecisionTests
{
    [Test]
    public void Bad_decisions_are_rejected_when_made()
    {
        Assert.That(() => new ProxyDecision.Pass(TimeSpan.FromMilliseconds(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ProxyDecision.Cut(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ProxyDecision.Respond(100), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ProxyDecision.Respond(1000), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ProxyDecision.Respond(503, Delay: TimeSpan.FromSeconds(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ProxyDecision.Respond(503, [new("Content-Length", "5")]),
            Throws.ArgumentException.With.Message.Contains("the proxy writes 'Content-Length' itself"));
        Assert.That(() => new ProxyDecision.Respond(503, [new("Retry After", "5")]),
            Throws.ArgumentException.With.Message.Contains("'Retry After' is not a header name"));
        Assert.That(() => new ProxyDecision.Respond(503, [new("Retry-After", "5\r\nX-Injected: 1")]),
            Throws.ArgumentException.With.Message.Contains("control character"));
    }

    [Test]
    public void Respond_defaults_to_no_headers_no_body_and_no_delay()
    {
        var respond = new ProxyDecision.Respond(503);

        Assert.That(respond.Headers, Is.Empty);
        Assert.That(respond.Body.Length, Is.Zero);
        Assert.That(respond.Delay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(ProxyDecision.PassThrough, Is.EqualTo(new ProxyDecision.Pass(TimeSpan.Zero)));
    }

    [Test]
    public void Options_list_every_problem_in_one_message()
    {
        var options = new FaultProxyOptions { Port = -1, MaxHeadBytes = 10, BackendConnectTimeout = TimeSpan.Zero };

        Assert.That(() => FaultProxy.Start(options), Throws.ArgumentException.With.Message.EqualTo(
            "invalid FaultProxyOptions: Backend is required: the endpoint of the server to forward to; "
            + "Port must be 0 (any free port) to 65535, not -1; MaxHeadBytes must be 1024 to 1048576, not 10; "
            + "BackendConnectTimeout must be positive, not 00:00:00"));
    }

    [Test]
    public void Options_default_to_real_time_a_free_port_and_pass_through()
    {
        var options = new FaultProxyOptions { Backend = new IPEndPoint(IPAddress.Loopback, 1) };

        Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
        Assert.That(options.Port, Is.Zero);
        Assert.That(options.Decide, Is.Null);
        Assert.That(options.MaxHeadBytes, Is.EqualTo(16 * 1024));
    }
}
