using System;
using System.Linq;
using System.Threading.Tasks;
using PromptGen;
using PromptGen.Testing;
using QuickStart;

// By default everything runs offline: the local Bedrock emulator answers on 127.0.0.1 and verifies every SigV4
// signature. With --live, the same prompts go to real Amazon Bedrock with your AWS credentials.
bool live = args.Contains("--live");
if (args.Any(arg => arg is not "--live"))
{
    Console.Error.WriteLine("usage: QuickStart [--live]");
    return 2;
}

var ticket = new Ticket(
    "Charged twice",
    "I was billed twice for order #1042 this morning. Please refund one of the charges.",
    new[] { "billing", "refund" });

if (live)
{
    return await RunLiveAsync(ticket);
}

await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
emulator.Script.When(model: "us.anthropic.claude-haiku-4-5-20251001-v1:0", promptContains: "Summarize")
    .ReplyText("The customer was charged twice for order #1042 and asks for one charge to be refunded.");
emulator.Script.When(promptContains: "Triage this ticket")
    .ReplyJson("""{"team":"Billing","urgency":"high","confidence":0.92,"nextSteps":["Refund the duplicate charge","Email the customer"]}""");
emulator.Script.When(model: "us.amazon.nova-lite-v1:0", promptContains: "in French")
    .ReplyText("Bonjour ! Merci pour votre message, nous remboursons le double prélèvement aujourd'hui.");
emulator.Script.When(promptContains: "Suggest a name")
    .ReplyText("Refundly");

using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});

Console.WriteLine($"Local Bedrock emulator listening on {emulator.Endpoint}");
Console.WriteLine("The answers below are scripted by this sample (emulator.Script above), not written by a model.");
Console.WriteLine("To ask a real model: run with --live (Amazon Bedrock, with your AWS region and credentials).");
Console.WriteLine();

ISupportPrompts support = ISupportPrompts.Create(bedrock);
IWritingPrompts writing = IWritingPrompts.Create(bedrock);

Show("ISupportPrompts.SummarizeAsync", await support.SummarizeAsync("Contoso Cloud", ticket), emulator.Requests[^1]);
TicketTriage triage = await support.TriageAsync(ticket);
Show("ISupportPrompts.TriageAsync", $"{triage.Team}, {triage.Urgency} urgency ({triage.Confidence * 100:0}% sure): {string.Join("; ", triage.NextSteps)}", emulator.Requests[^1]);
Show("ISupportPrompts.DraftReplyAsync", await support.DraftReplyAsync("You charged me twice!", "French"), emulator.Requests[^1]);
Show("IWritingPrompts.NameAsync", await writing.NameAsync("refund bot", "handles double charges", new[] { "RefundBot" }), emulator.Requests[^1]);
return 0;

static void Show(string method, string result, RecordedRequest request)
{
    Console.WriteLine($"== {method}");
    Console.WriteLine($"   result:  {result}");
    Console.WriteLine($"   sent:    POST {request.RawPath}");
    Console.WriteLine($"   model:   {request.ModelId}");
    if (request.SystemText is not null)
    {
        Console.WriteLine($"   system:  {Indent(request.SystemText)}");
    }

    Console.WriteLine($"   user:    {Indent(request.UserText ?? string.Empty)}");
    if (request.HasOutputConfig || request.HasToolConfig)
    {
        Console.WriteLine($"   schema:  sent as {(request.HasOutputConfig ? "outputConfig (native structured output)" : "a forced tool")}");
    }

    Console.WriteLine($"   signed:  {request.AuthScheme} ({string.Join(";", request.SignedHeaders)}), signature valid: {request.SignatureValid}");
    Console.WriteLine();
}

static string Indent(string text) => text.Replace("\n", "\n            ", StringComparison.Ordinal);

static async Task<int> RunLiveAsync(Ticket ticket)
{
    try
    {
        // Region and endpoint are resolved here; credentials at the first call.
        using var bedrock = new BedrockRuntimeClient();
        string summary = await ISupportPrompts.Create(bedrock).SummarizeAsync("Contoso Cloud", ticket);
        Console.WriteLine($"SummarizeAsync (live): {summary}");
        return 0;
    }
    catch (BedrockConfigurationException exception)
    {
        Console.Error.WriteLine("--live calls real Amazon Bedrock and needs AWS credentials and a region; this is what is missing:");
        Console.Error.WriteLine(exception.Message);
        Console.Error.WriteLine("Run without --live to use the local emulator instead.");
        return 1;
    }
    catch (BedrockException exception)
    {
        Console.Error.WriteLine($"Bedrock call failed: {exception.Message}");
        return 1;
    }
}
