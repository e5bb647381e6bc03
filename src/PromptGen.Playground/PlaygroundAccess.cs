using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Playground;

/// <summary>
/// Who may use the playground. It runs prompts with the app's credentials, so by default only the machine itself:
/// the connection must come from a loopback address, and the Host header must name a loopback host, so a web page
/// elsewhere cannot reach it through DNS rebinding either.
/// </summary>
internal static class PlaygroundAccess
{
    public const string RefusalMessage =
        "The prompt playground answers only requests from this machine (loopback). Set PromptPlaygroundOptions.AllowRemoteRequests to serve others.";

    public static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(RefusalMessage, context.RequestAborted);
    }

    public static bool IsAllowed(HttpContext context, PromptPlaygroundOptions options) =>
        options.AllowRemoteRequests || (IsLoopback(context.Connection.RemoteIpAddress) && IsLoopbackHost(context.Request.Host.Host));

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
