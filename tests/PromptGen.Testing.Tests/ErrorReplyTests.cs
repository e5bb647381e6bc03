using System;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Scripted errors are sent exactly as spec §6 describes, so client error mapping can be tested against them.</summary>
public sealed class ErrorReplyTests
{
    [Theory]
    [InlineData("ThrottlingException", 429, "Rate exceeded")]
    [InlineData("ModelTimeoutException", 408, "Model has timed out")]
    [InlineData("ModelErrorException", 424, "The model failed")]
    [InlineData("InternalServerException", 500, "Internal failure")]
    [InlineData("ServiceUnavailableException", 503, "Service unavailable, \"quoted\"")]
    public async Task Error_reply_carries_the_headers_and_body_of_the_spec(string code, int status, string message)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "fail").ReplyError(code, status, message);

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "please fail");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal($"{code}:http://internal.amazon.com/coral/com.amazon.bedrock/", string.Join(",", response.Headers.GetValues("x-amzn-ErrorType")));
        string requestId = string.Join(",", response.Headers.GetValues("x-amzn-RequestId"));
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(message, await Converse.ErrorMessageAsync(response));

        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal((status, code, requestId, true), (recorded.ResponseStatus, recorded.ErrorCode, recorded.RequestId, recorded.Accepted));
    }

    [Fact]
    public async Task Error_body_is_exactly_one_message_member()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyError("ThrottlingException", 429, "Rate exceeded");

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi");

        Assert.Equal("{\"message\":\"Rate exceeded\"}", await response.Content.ReadAsStringAsync());
    }
}
