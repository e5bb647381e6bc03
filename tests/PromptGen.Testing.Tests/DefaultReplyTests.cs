using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>With no script, every valid request still gets an answer derived from the request alone.</summary>
public sealed class DefaultReplyTests
{
    [Fact]
    public async Task Reply_names_the_model_and_echoes_the_prompt()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        string reply = await Converse.AskAsync(emulator, "Where is my refund?");

        Assert.Equal($"Emulated reply from {Converse.HaikuModel} to: Where is my refund?", reply);
    }

    [Fact]
    public async Task Same_request_gets_the_same_reply_every_time()
    {
        await using BedrockEmulator first = await BedrockEmulator.StartAsync();
        await using BedrockEmulator second = await BedrockEmulator.StartAsync();

        string a = await Converse.AskAsync(first, "stable?", modelId: "amazon.nova-lite-v1:0");
        string b = await Converse.AskAsync(first, "stable?", modelId: "amazon.nova-lite-v1:0");
        string c = await Converse.AskAsync(second, "stable?", modelId: "amazon.nova-lite-v1:0");

        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public async Task Long_prompt_is_cut_to_its_first_sixty_characters()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string prompt = new string('x', 60) + "TAIL";

        string reply = await Converse.AskAsync(emulator, prompt);

        Assert.EndsWith(" to: " + new string('x', 60), reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_has_the_converse_shape_of_the_spec()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "12345678", system: "abcd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(Guid.TryParse(string.Join(",", response.Headers.GetValues("x-amzn-RequestId")), out _));
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = body.RootElement;
        JsonElement message = root.GetProperty("output").GetProperty("message");
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        string text = message.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Equal("end_turn", root.GetProperty("stopReason").GetString());
        JsonElement usage = root.GetProperty("usage");
        Assert.Equal(3, usage.GetProperty("inputTokens").GetInt32()); // 12 characters of system + prompt, ~4 a token
        Assert.Equal((text.Length + 3) / 4, usage.GetProperty("outputTokens").GetInt32());
        Assert.Equal(usage.GetProperty("inputTokens").GetInt32() + usage.GetProperty("outputTokens").GetInt32(), usage.GetProperty("totalTokens").GetInt32());
        Assert.True(root.GetProperty("metrics").GetProperty("latencyMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task Every_response_carries_its_own_request_id()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage ok = await Converse.SendPromptAsync(emulator, "one");
        using HttpResponseMessage notFound = await Converse.Http.GetAsync(new Uri(emulator.Endpoint, "/nothing-here"));

        string okId = string.Join(",", ok.Headers.GetValues("x-amzn-RequestId"));
        string notFoundId = string.Join(",", notFound.Headers.GetValues("x-amzn-RequestId"));
        Assert.NotEqual(okId, notFoundId);
        Assert.Equal(new[] { okId, notFoundId }, new[] { emulator.Requests[0].RequestId, emulator.Requests[1].RequestId });
    }
}
