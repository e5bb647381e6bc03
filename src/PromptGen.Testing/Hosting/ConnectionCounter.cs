using System.Threading;
using Microsoft.AspNetCore.Connections;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Counts TCP connections as Kestrel accepts and closes them, so a load test can tell a client that reuses its
/// connections from one that exhausts sockets.
/// </summary>
internal sealed class ConnectionCounter
{
    private long accepted;
    private int open;
    private int peak;

    public long Accepted => Interlocked.Read(ref accepted);

    public int Open => Volatile.Read(ref open);

    public int Peak => Volatile.Read(ref peak);

    public ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref accepted);
        int now = Interlocked.Increment(ref open);
        int seen;
        while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }

        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref open);
        }
    };
}
