using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Playground;

/// <summary>Writes server-sent events (<c>event: name</c>, one <c>data:</c> line of JSON), each flushed at once.</summary>
internal sealed class ServerSentEvents
{
    private readonly HttpResponse _response;

    public ServerSentEvents(HttpResponse response) => _response = response;

    public async Task WriteAsync(string name, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes("event: " + name + "\ndata: "));
        // Utf8JsonWriter escapes line breaks inside strings, so the JSON stays on the one data line.
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        buffer.Write("\n\n"u8);
        await _response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
