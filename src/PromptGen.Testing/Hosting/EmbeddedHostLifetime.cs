using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Replaces the default console lifetime, which would take over Ctrl+C and SIGTERM of whatever process hosts the
/// emulator (a test runner, say). The emulator stops when it is disposed, nothing else.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
