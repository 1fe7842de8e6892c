using System.Net;
using Microsoft.AspNetCore.Connections;

namespace ContractKit.Mocks.Faults.InProcess;

/// <summary>
/// Kestrel's transport for the simulator's WireMock.Net server: registered as the
/// <see cref="IConnectionListenerFactory"/>, it gives Kestrel <see cref="RefusableListener"/>s
/// (Kestrel keeps a factory registered before its own) and switches them all between listening
/// and refusing.
/// </summary>
internal sealed class RefusableListenerFactory : IConnectionListenerFactory
{
    private readonly Lock _gate = new();
    private readonly List<RefusableListener> _listeners = [];

    /// <summary>Called by Kestrel for each endpoint it serves; only IP endpoints are supported.</summary>
    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        if (endpoint is not IPEndPoint ip)
        {
            throw new NotSupportedException($"the simulator listens on IP endpoints only, not {endpoint}");
        }

        var listener = new RefusableListener(ip);
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return ValueTask.FromResult<IConnectionListener>(listener);
    }

    /// <summary>Whether any listener refuses connections now.</summary>
    public bool IsRefusing
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Exists(l => l.IsRefusing);
            }
        }
    }

    /// <summary>Switches every listener (see <see cref="RefusableListener.SetRefusing"/>); returns whether any changed.</summary>
    public bool SetRefusing(bool refusing)
    {
        RefusableListener[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        var changed = false;
        foreach (var listener in listeners)
        {
            changed |= listener.SetRefusing(refusing);
        }

        return changed;
    }
}
