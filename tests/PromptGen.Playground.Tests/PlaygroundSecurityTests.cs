using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AspNetApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace PromptGen.Playground.Tests;

/// <summary>Who may use the playground, and what it never shows.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundSecurityTests
{
    private readonly PlaygroundHost _host;

    public PlaygroundSecurityTests(PlaygroundHost host) => _host = host;

    [Theory]
    [InlineData("/playground/")]
    [InlineData("/playground/app.js")]
    [InlineData("/playground/api/methods")]
    public async Task A_request_from_another_machine_is_refused_by_default(string path)
    {
        using HttpResponseMessage local = await _host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);

        using var remote = new HttpRequestMessage(HttpMethod.Get, path);
        remote.Headers.Add(PlaygroundHost.RemoteAddressHeader, "10.20.30.40");
        using HttpResponseMessage refused = await _host.Client.SendAsync(remote);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only requests from this machine", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_run_is_refused_before_anything_is_sent_to_bedrock()
    {
        int before = _host.Emulator.Requests.Count;
        using var remote = new HttpRequestMessage(HttpMethod.Post, "/playground/api/run") { Content = Json("""{"method":"1","arguments":{"ticket":{"title":"t","body":"b"}}}""") };
        remote.Headers.Add(PlaygroundHost.RemoteAddressHeader, "192.168.1.7");
        using HttpResponseMessage refused = await _host.Client.SendAsync(remote);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, _host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_so_dns_rebinding_cannot_reach_it()
    {
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/playground/api/methods");
        rebound.Headers.Host = "attacker.example";
        using HttpResponseMessage refused = await _host.Client.SendAsync(rebound);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Remote_requests_are_served_only_when_explicitly_allowed()
    {
        using var remote = new HttpRequestMessage(HttpMethod.Get, "/open/api/methods");
        remote.Headers.Add(PlaygroundHost.RemoteAddressHeader, "10.20.30.40");
        using HttpResponseMessage served = await _host.Client.SendAsync(remote);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task The_api_takes_only_json_so_a_form_on_another_site_cannot_post_to_it()
    {
        using HttpResponseMessage refused = await _host.Client.PostAsync(
            "/playground/api/run", new StringContent("method=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_sample_does_not_map_the_playground()
    {
        WebApplication app = TicketApi.Build(["--urls=http://127.0.0.1:0", "--environment=Production", $"--contentRoot={AppContext.BaseDirectory}"]);
        await app.StartAsync();
        try
        {
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using HttpResponseMessage response = await client.GetAsync("/playground/api/methods");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task No_page_or_api_response_shows_the_credentials()
    {
        _host.Emulator.Script.When(promptMatches: new Regex(@"Summarize this ticket[\s\S]*Secrets check")).ReplyText("A summary.");
        _host.Emulator.Script.When(promptContains: "Triage this ticket: Secrets check").ReplyText("not json at all");
        _host.Emulator.Script.When(promptContains: "contains no JSON object, got \"not json at all\"").ReplyText("still not json");
        _host.Emulator.Script.When(promptContains: "Draft a reply to the customer who wrote: Secrets check").ReplyText("A draft.");
        _host.Emulator.Script.When(promptContains: "Say hello to Secrets check").ReplyError("AccessDeniedException", 403, "You do not have access to the model.");
        const string ticket = """{"ticket":{"title":"Secrets check","body":"b"}}""";

        var bodies = new List<string>
        {
            await _host.Client.GetStringAsync("/playground/"),
            await _host.Client.GetStringAsync("/playground/app.js"),
            await _host.Client.GetStringAsync("/playground/app.css"),
            await _host.Client.GetStringAsync("/playground/api/methods"),
            await _host.Client.GetStringAsync("/lab/api/methods"),
            await PostAsync("/playground/api/preview", """{"method":"0","arguments":""" + ticket + "}", HttpStatusCode.OK),
            await PostAsync("/playground/api/run", """{"method":"1","arguments":""" + ticket + "}", HttpStatusCode.OK),
            // A typed result the model never gets right: 502 with every attempt.
            await PostAsync("/playground/api/run", """{"method":"0","arguments":""" + ticket + "}", HttpStatusCode.BadGateway),
            await PostAsync("/playground/api/stream", """{"method":"2","arguments":""" + ticket + "}", HttpStatusCode.OK),
            // Bedrock refuses the call.
            await PostAsync("/lab/api/run", """{"method":"1","arguments":{"name":"Secrets check"}}""", HttpStatusCode.BadGateway),
            await PostAsync("/playground/api/run", """{"method":"0","arguments":{"ticket":5}}""", HttpStatusCode.BadRequest),
            await PostAsync("/playground/api/run", """{"method":"99","arguments":{}}""", HttpStatusCode.NotFound),
        };

        Assert.True(bodies[9].Contains("do not have access", StringComparison.Ordinal), bodies[9]);
        Assert.True(bodies[7].Contains("\"attempts\"", StringComparison.Ordinal) && bodies[7].Contains("not json at all", StringComparison.Ordinal), bodies[7]);
        foreach (string body in bodies)
        {
            Assert.DoesNotContain(_host.AccessKeyId, body, StringComparison.Ordinal);
            Assert.DoesNotContain(_host.SecretAccessKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain(_host.SecretAccessKey[..12], body, StringComparison.Ordinal);
        }
    }

    private async Task<string> PostAsync(string path, string json, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await _host.Client.PostAsync(path, Json(json));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
