using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Testing.Scripting;

/// <summary>Sends the transport-level faults of <see cref="EmulatorFault"/>.</summary>
internal static class FaultResponder
{
    /// <summary>Closes the connection without a response (recorded as <see cref="EmulatorStatusCodes.ConnectionDropped"/>).</summary>
    public static void DropConnection(HttpResponse response) => response.HttpContext.Abort();

    /// <summary>
    /// Announces <paramref name="payload"/>'s full length, sends its first half, then closes the connection (recorded
    /// as <see cref="EmulatorStatusCodes.TruncatedBody"/>).
    /// </summary>
    public static async Task WriteTruncatedAsync(HttpResponse response, byte[] payload)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload.AsMemory(0, payload.Length / 2));
        await response.Body.FlushAsync();
        response.HttpContext.Abort();
    }
}
