using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing.Scripting;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

public sealed class ScriptRuleTests
{
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string Nova = "us.amazon.nova-lite-v1:0";

    [Fact]
    public async Task Rule_matches_on_model_and_prompt()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(model: Haiku, promptContains: "ticket").ReplyText("It is about a refund.");

        Assert.Equal("It is about a refund.", await Converse.AskAsync(emulator, "Summarize this ticket", modelId: Haiku));
        await Converse.AskUnscriptedAsync(emulator, "Summarize this ticket", modelId: Nova);
        await Converse.AskUnscriptedAsync(emulator, "Summarize this email", modelId: Haiku);
    }

    [Fact]
    public async Task Rule_matches_a_prompt_pattern()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptMatches: new Regex(@"order #\d+")).ReplyText("order found");

        Assert.Equal("order found", await Converse.AskAsync(emulator, "Where is order #1042?"));
        await Converse.AskUnscriptedAsync(emulator, "Where is order #abc?");
    }

    [Fact]
    public async Task Rule_matches_on_system_text()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(systemContains: "pirate").ReplyText("Arr.");
        emulator.Script.When(systemMatches: new Regex("^You are (terse|brief)")).ReplyText("Ok.");

        Assert.Equal("Arr.", await Converse.AskAsync(emulator, "hello", system: "Talk like a pirate."));
        Assert.Equal("Ok.", await Converse.AskAsync(emulator, "hello", system: "You are terse."));
        await Converse.AskUnscriptedAsync(emulator, "hello");
    }

    [Fact]
    public async Task Prompt_is_the_last_user_message_only()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "ticket").ReplyText("matched");
        const string body = """
            {"messages":[
              {"role":"user","content":[{"text":"About my ticket"}]},
              {"role":"assistant","content":[{"text":"Yes?"}]},
              {"role":"user","content":[{"text":"Any news?"},{"text":"Thanks."}]}]}
            """;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal("UnscriptedRequestException", Converse.ErrorType(response));
        Assert.Equal("Any news?\nThanks.", emulator.Requests[0].UserText);
    }

    [Fact]
    public async Task First_matching_rule_wins()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "refund").ReplyText("first");
        emulator.Script.When(promptContains: "refund").ReplyText("second");
        emulator.Script.Always().ReplyText("fallback");

        Assert.Equal("first", await Converse.AskAsync(emulator, "refund please"));
        Assert.Equal("fallback", await Converse.AskAsync(emulator, "hello"));
    }

    [Fact]
    public async Task Rule_with_times_is_skipped_once_used_up()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        ScriptRule throttle = emulator.Script.Always().Times(2).ReplyError("ThrottlingException", 429, "Rate exceeded");

        using HttpResponseMessage first = await Converse.SendPromptAsync(emulator, "retry me");
        using HttpResponseMessage second = await Converse.SendPromptAsync(emulator, "retry me");
        using HttpResponseMessage third = await Converse.SendPromptAsync(emulator, "retry me");

        Assert.Equal(new[] { 429, 429, 200 }, new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
        Assert.Equal(2, throttle.UseCount);
    }

    [Fact]
    public async Task Times_holds_under_concurrent_calls()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(3).ReplyText("limited");

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "go");
            return response.StatusCode;
        }));

        // Once the three uses are gone, the rest are calls the script does not answer.
        Assert.Equal((3, 7), (statuses.Count(status => status == HttpStatusCode.OK), statuses.Count(status => status == HttpStatusCode.BadRequest)));
        Assert.Equal(3, emulator.Script.Rules[0].UseCount);
    }

    [Fact]
    public async Task Rules_added_while_running_take_effect()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        Assert.StartsWith("Emulated reply", await Converse.AskAsync(emulator, "hello"), StringComparison.Ordinal);

        emulator.Script.Always().ReplyText("now scripted");

        Assert.Equal("now scripted", await Converse.AskAsync(emulator, "hello"));
    }

    [Fact]
    public async Task Cleared_script_falls_back_to_the_default_reply()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyText("scripted");

        emulator.Script.Clear();

        Assert.Empty(emulator.Script.Rules);
        Assert.StartsWith("Emulated reply", await Converse.AskAsync(emulator, "hello"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predicate_rule_sees_the_call()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(call => call.ModelId.StartsWith("us.amazon.", StringComparison.Ordinal) && call.SystemText is null).ReplyText("nova, no system");

        Assert.Equal("nova, no system", await Converse.AskAsync(emulator, "hi", modelId: Nova));
        await Converse.AskUnscriptedAsync(emulator, "hi", system: "sys", modelId: Nova);
    }

    [Fact]
    public async Task Reply_can_set_stop_reason_and_usage()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Usage(input: 7, output: 9).ReplyText("cut", StopReasons.MaxTokens);

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "long story");

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("max_tokens", body.RootElement.GetProperty("stopReason").GetString());
        JsonElement usage = body.RootElement.GetProperty("usage");
        Assert.Equal((7, 9, 16), (usage.GetProperty("inputTokens").GetInt32(), usage.GetProperty("outputTokens").GetInt32(), usage.GetProperty("totalTokens").GetInt32()));
    }

    [Fact]
    public async Task Delay_holds_the_reply_back()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Delay(TimeSpan.FromMilliseconds(400)).ReplyText("slow");
        var watch = Stopwatch.StartNew();

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi");

        Assert.True(watch.ElapsedMilliseconds >= 400, $"answered after {watch.ElapsedMilliseconds} ms");
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("metrics").GetProperty("latencyMs").GetInt64() >= 400);
    }

    [Fact]
    public async Task Delay_ends_when_the_client_aborts()
    {
        var settled = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { RequestCompleted = request => settled.TrySetResult(request) });
        ScriptRule slow = emulator.Script.Always().Delay(TimeSpan.FromMinutes(10)).ReplyText("too late");
        using var hangUp = new CancellationTokenSource();
        Task<HttpResponseMessage> call = Converse.SendSignedAsync(emulator, Converse.Body("hi"), cancellationToken: hangUp.Token);

        // Hang up once the emulator is in the delay (it claims the rule first). A timer started with the call could
        // fire before a loaded machine has even sent the request, and then there is no delay to cut short.
        Assert.True(await Eventually.HoldsAsync(() => slow.UseCount == 1, TimeSpan.FromSeconds(30)), "the request never reached the emulator");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The delay is ten minutes, so an answer settled within one means the abort ended it.
        RecordedRequest recorded = await settled.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(EmulatorStatusCodes.ClientClosedRequest, recorded.ResponseStatus);
        Assert.Equal(EmulatorStatusCodes.ClientClosedRequest, Assert.Single(emulator.Requests).ResponseStatus);
    }

    [Fact]
    public async Task Dispose_cuts_pending_delays_short()
    {
        BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        ScriptRule slow = emulator.Script.Always().Delay(TimeSpan.FromSeconds(30)).ReplyText("too late");
        Task<HttpResponseMessage> pending = Converse.SendPromptAsync(emulator, "hi");
        Assert.True(await Eventually.HoldsAsync(() => slow.UseCount == 1, TimeSpan.FromSeconds(10)));
        var watch = Stopwatch.StartNew();

        await emulator.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"dispose took {watch.Elapsed}");
        try
        {
            using HttpResponseMessage response = await pending;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The connection may be closed before the 503 is read; either way the caller is not left hanging.
        }
    }

    [Fact]
    public void Builder_refuses_a_second_reply()
    {
        var script = new EmulatorScript();
        ScriptRuleBuilder builder = script.Always();
        builder.ReplyText("one");

        Assert.Throws<InvalidOperationException>(() => builder.ReplyText("two"));
        Assert.Single(script.Rules);
    }

    [Theory]
    [InlineData("Bad:Code", 429)]
    [InlineData("Bad Code", 429)]
    [InlineData("ThrottlingException", 200)]
    [InlineData("ThrottlingException", 600)]
    public void Error_reply_refuses_codes_and_statuses_clients_cannot_read(string code, int status)
    {
        Assert.ThrowsAny<ArgumentException>(() => EmulatorReply.FromError(code, status, "message"));
    }

    [Fact]
    public async Task Unmatched_call_fails_showing_the_request_and_every_rule()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "refund").Times(1).ReplyText("first");
        emulator.Script.When(model: Nova, systemContains: "pirate").ReplyText("Arr.");
        Assert.Equal("first", await Converse.AskAsync(emulator, "refund please"));

        string message = await Converse.AskUnscriptedAsync(emulator, "refund again", system: "Be brief.");

        Assert.Contains($"model \"{Converse.HaikuModel}\"", message, StringComparison.Ordinal);
        Assert.Contains("prompt \"refund again\"", message, StringComparison.Ordinal);
        Assert.Contains("system \"Be brief.\"", message, StringComparison.Ordinal);
        Assert.Contains("1. when prompt contains \"refund\" (used 1 of 1)", message, StringComparison.Ordinal);
        Assert.Contains($"2. when model = {Nova} and system contains \"pirate\" (used 0)", message, StringComparison.Ordinal);
        Assert.Contains("UnmatchedCalls", message, StringComparison.Ordinal);
        RecordedRequest recorded = emulator.Requests[^1];
        Assert.Equal((400, "UnscriptedRequestException", true), (recorded.ResponseStatus, recorded.ErrorCode, recorded.Accepted));
    }

    [Fact]
    public async Task Long_prompts_are_cut_in_the_unmatched_message()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "never").ReplyText("x");

        string message = await Converse.AskUnscriptedAsync(emulator, new string('a', 5000));

        Assert.Contains("(5000 chars)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 1000, message);
    }

    [Fact]
    public async Task Errors_and_faults_alone_keep_the_default_reply_for_other_calls()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(1).ReplyThrottling();
        emulator.Script.When(promptContains: "drop").ReplyDropConnection();

        using HttpResponseMessage throttled = await Converse.SendPromptAsync(emulator, "hello");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.StartsWith("Emulated reply", await Converse.AskAsync(emulator, "hello"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnmatchedCallPolicy.DefaultReply, false, HttpStatusCode.OK)]
    [InlineData(UnmatchedCallPolicy.DefaultReply, true, HttpStatusCode.OK)]
    [InlineData(UnmatchedCallPolicy.Fail, false, HttpStatusCode.BadRequest)]
    [InlineData(UnmatchedCallPolicy.Fail, true, HttpStatusCode.BadRequest)]
    [InlineData(UnmatchedCallPolicy.FailWhenScripted, false, HttpStatusCode.OK)]
    [InlineData(UnmatchedCallPolicy.FailWhenScripted, true, HttpStatusCode.BadRequest)]
    public async Task Policy_decides_what_an_unmatched_call_gets(UnmatchedCallPolicy policy, bool scripted, HttpStatusCode expected)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { UnmatchedCalls = policy });
        if (scripted)
        {
            emulator.Script.When(promptContains: "other").ReplyText("scripted");
        }

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hello");

        Assert.Equal(expected, response.StatusCode);
    }
}
