using System;
using System.Collections.Generic;
using System.Linq;
using ChatSample;
using PromptGen;
using PromptGen.Testing;

// Runs offline: the local Bedrock emulator answers on 127.0.0.1, verifies every signature and refuses what Bedrock
// refuses (a conversation that does not alternate user and assistant turns, say).
await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
// The fast model is throttled; the stronger one answers (first matching rule wins).
emulator.Script.When(model: "us.amazon.nova-micro-v1:0").ReplyError("ThrottlingException", 429, "Too many tokens, please wait before trying again.");
emulator.Script.When(model: "us.anthropic.claude-haiku-4-5-20251001-v1:0", promptContains: "ticket log")
    .ReplyJson("""{"outcome":"Resolved","summary":"Kettle leaking at the base; replacement shipped under warranty."}""");
emulator.Script.When(promptContains: "leaks").ReplyText("I'm sorry your kettle leaks. Is the water coming from the base or from the spout?");
emulator.Script.When(promptContains: "base").ReplyText("A leak at the base is covered by the warranty: I can send you a replacement. Shall I?");
emulator.Script.When(promptContains: "please").ReplyText("Done: a replacement kettle ships tomorrow, and you keep the old one until it arrives.");

var options = new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
};
options.Retry.MaxAttempts = 2; // each model is retried by the client first, then the prompt falls back
options.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
using var bedrock = new BedrockRuntimeClient(options);
ISupportChat chat = ISupportChat.Create(bedrock);

Console.WriteLine("== A conversation, continued through each result");
IReadOnlyList<Message> history = [];
foreach (string message in new[] { "My new kettle leaks.", "From the base, I think.", "Yes please." })
{
    PromptResult<string> reply = await chat.ReplyAsync(history, message);
    history = reply.Conversation;

    Console.WriteLine($"   user:      {message}");
    Console.WriteLine($"   assistant: {reply.Value}");
    Console.WriteLine($"              {reply.ModelId}, request id {reply.RequestId}, {reply.Usage.InputTokens}+{reply.Usage.OutputTokens} tokens, {reply.Latency.TotalMilliseconds:0} ms, {emulator.Requests[^1].MessageCount} message(s) sent");
}

Console.WriteLine();
Console.WriteLine("== A typed result with a fallback model");
string transcript = string.Join("\n", history.Select(turn => $"{turn.Role}: {turn.Content[0].Text}"));
PromptResult<TicketNote> note = await chat.NoteAsync(transcript);
foreach (PromptAttempt attempt in note.Attempts)
{
    string outcome = attempt.Failure is { } failure ? $"failed: {failure.GetType().Name}" : "answered";
    Console.WriteLine($"   attempt {attempt.Number}: {attempt.ModelId} {outcome}");
}

Console.WriteLine($"   result:    {note.Value.Outcome}: {note.Value.Summary}");
Console.WriteLine($"   answered by {note.ModelId}; models called: {string.Join(", ", emulator.Requests.Skip(3).Select(request => $"{request.ModelId} ({request.ResponseStatus})"))}");
return 0;
