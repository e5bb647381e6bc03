using System.Threading;
using Microsoft.AspNetCore.Connections;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Counts TCP connections as Kestrel accepts and closes them, so a load test can tell a client that reuses its
/// connections from one that exhausts sockets.
/// </summary>
internal sealed class ConnectionCounter
{
    private long _accepted;
    private int _open;
    private int _peak;

    public long Accepted => Interlocked.Read(ref _accepted);

    public int Open => Volatile.Read(ref _open);

    public int Peak => Volatile.Read(ref _peak);

    public ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref _accepted);
        int now = Interlocked.Increment(ref _open);
        int seen;
        while (now > (seen = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }

        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    };
}
