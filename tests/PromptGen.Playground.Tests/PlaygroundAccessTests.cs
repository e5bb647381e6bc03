using System.Net;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace PromptGen.Playground.Tests;

public sealed class PlaygroundAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", "localhost", true)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("::1", "[::1]", true)]
    [InlineData("10.0.0.8", "localhost", false)]
    [InlineData("127.0.0.1", "playground.example", false)]
    [InlineData(null, "localhost", false)]
    public void Only_loopback_connections_to_loopback_hosts_are_allowed_by_default(string? remote, string host, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        context.Request.Host = new HostString(host);

        Assert.Equal(allowed, PlaygroundAccess.IsAllowed(context, new PromptPlaygroundOptions()));
        Assert.True(PlaygroundAccess.IsAllowed(context, new PromptPlaygroundOptions { AllowRemoteRequests = true }));
    }
}
