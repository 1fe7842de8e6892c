using Microsoft.AspNetCore.Http;

namespace ContractKit.Mocks.Faults.InProcess;

/// <summary>
/// Requests a <see cref="Connections.ProxyDecision.Hang"/> holds: read and never answered. Each ends
/// when its client closes the connection (its timeout), or with a RST when <see cref="ResetAll"/>
/// is called: the source stops listening, or the simulator stops.
/// </summary>
internal sealed class HungRequests
{
    private readonly Lock _gate = new();
    private readonly Dictionary<HttpContext, TaskCompletionSource> _held = [];
    private bool _stopped;

    /// <summary>Holds the request until its client goes away or <see cref="ResetAll"/> resets its connection.</summary>
    public async Task HoldAsync(HttpContext http)
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_stopped)
            {
                ConnectionReset.Abort(http);
                return;
            }

            _held.Add(http, released);
        }

        try
        {
            await released.Task.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client closed the connection (or it was reset): nothing is left to answer.
            http.Abort();
        }
        finally
        {
            lock (_gate)
            {
                _held.Remove(http);
            }
        }
    }

    /// <summary>
    /// Resets the connection of every request held now, before returning; with
    /// <paramref name="forGood"/>, also of every one that would be held later.
    /// </summary>
    public void ResetAll(bool forGood = false)
    {
        // Under the lock: a held request cannot finish meanwhile, so its HttpContext (which Kestrel
        // reuses for the connection's next request) is still its own. A copy, because a reset may
        // end a hold on this thread, which then leaves the dictionary.
        lock (_gate)
        {
            _stopped |= forGood;
            var held = _held.ToArray();
            _held.Clear();
            foreach (var (http, released) in held)
            {
                ConnectionReset.Abort(http);
                released.TrySetResult();
            }
        }
    }
}
