using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Testing.Scripting;

/// <summary>Sends the transport-level faults of <see cref="EmulatorFault"/>.</summary>
internal static class FaultResponder
{
    /// <summary>Closes the connection without a response; returns the status to record.</summary>
    public static int DropConnection(HttpResponse response)
    {
        response.HttpContext.Abort();
        return EmulatorStatusCodes.ConnectionDropped;
    }

    /// <summary>Announces <paramref name="payload"/>'s full length, sends its first half, then closes the connection.</summary>
    public static async Task<int> WriteTruncatedAsync(HttpResponse response, byte[] payload)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload.AsMemory(0, payload.Length / 2));
        await response.Body.FlushAsync();
        response.HttpContext.Abort();
        return EmulatorStatusCodes.TruncatedBody;
    }
}
