using ContractKit.Mocks.Faults.Connections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContractKit.Mocks.Faults.InProcess;

/// <summary>
/// Real connection faults inside the simulator's WireMock.Net server, on Kestrel's own connections:
/// a transport whose listener can refuse (<see cref="RefusableListenerFactory"/>) and a middleware
/// in front of WireMock.Net that carries out each request's <see cref="ProxyDecision"/>
/// (<see cref="FaultMiddleware"/>). It replaces <see cref="FaultProxy"/> in front of the server,
/// and the extra loopback hop that cost about as much CPU per request as WireMock.Net itself.
/// </summary>
internal sealed class InProcessFaults
{
    private readonly RefusableListenerFactory _listeners = new();
    private readonly HungRequests _hung = new();
    private readonly FaultMiddleware _middleware;

    /// <param name="decide">Called once per request, before WireMock.Net sees it.</param>
    /// <param name="time">The clock of injected delays: real time.</param>
    public InProcessFaults(Func<HttpContext, ProxyDecision> decide, TimeProvider time) =>
        _middleware = new FaultMiddleware(decide, _hung, time);

    /// <summary>Registers the transport (for <c>WireMockServerSettings.AdditionalServiceRegistration</c>).</summary>
    public void Register(IServiceCollection services) =>
        services.AddSingleton<IConnectionListenerFactory>(_listeners);

    /// <summary>Adds the middleware (for <c>WireMockServerSettings.PreWireMockMiddlewareInit</c>).</summary>
    public void Use(IApplicationBuilder app) =>
        app.Use(next => http => _middleware.InvokeAsync(http, next));

    /// <summary>
    /// With true, stops listening (connecting is refused) and drops the open connections as a
    /// stopped server's would be: those holding a hung request with a RST, idle ones with a FIN.
    /// With false, listens again on the same port.
    /// </summary>
    public void SetRefusing(bool refusing)
    {
        if (refusing && !_listeners.IsRefusing)
        {
            _hung.ResetAll();
        }

        _listeners.SetRefusing(refusing);
    }

    /// <summary>Resets hung requests, now and from now on, so that stopping the server does not wait for them.</summary>
    public void Stop() => _hung.ResetAll(forGood: true);
}
