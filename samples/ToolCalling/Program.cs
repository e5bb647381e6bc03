using System;
using System.Linq;
using System.Text.Json;
using PromptGen;
using PromptGen.Testing;
using ToolCalling;

// Runs offline against the local Bedrock emulator, scripted the way a model uses tools: it asks for tools, gets
// their results, and answers. Each step prints what went over the wire.
if (args.Length > 0)
{
    Console.Error.WriteLine("usage: ToolCalling");
    return 2;
}

await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

// PlanDayAsync, turn 1: two tools at once (parallel tool use). Turn 2, once both results are back: the answer.
emulator.Script.When(call => call.UserText?.Contains("EUR for a day", StringComparison.Ordinal) == true && call.ToolResults.Count == 0)
    .ReplyToolUses(
        new[]
        {
            new EmulatorToolCall("get_forecast", """{"city":"Paris"}"""),
            new EmulatorToolCall("convert_currency", """{"amount":120,"from":"EUR","to":"NOK"}"""),
        },
        preamble: "Let me check the weather and the exchange rate.");
emulator.Script.When(call => call.ToolResults.Count == 2 && call.ToolResults.All(result => !result.IsError))
    .ReplyText("It will rain (14.5 °C): start at the Louvre, lunch in Le Marais, then the Musée d'Orsay. 120 EUR is about 1404 NOK.");

// PlanAsync, turn 1: a city without a forecast; the tool's error goes back to the model, which tries another city.
emulator.Script.When(call => call.UserText?.Contains("Plan a day in Bergen", StringComparison.Ordinal) == true)
    .ReplyToolUse("get_forecast", """{"city":"Bergen"}""");
emulator.Script.When(call => call.ToolResults.Any(result => result.IsError))
    .ReplyToolUse("get_forecast", """{"city":"Oslo"}""");
emulator.Script.When(call => call.ToolResults.Count == 1 && call.HasOutputConfig)
    .ReplyJson("""{"summary":"A crisp, clear day by the fjord.","stops":["Fish market","Fløyen funicular","Bryggen"],"umbrella":false}""");

using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});

ITravelAgent agent = ITravelAgent.Create(bedrock);

var tools = new TravelTools(TimeProvider.System);
string answer = await agent.PlanDayAsync("Paris", 120m, tools);
Console.WriteLine("== ITravelAgent.PlanDayAsync");
ShowConversation(emulator, from: 0);
Console.WriteLine($"   tools ran: {string.Join(", ", tools.Calls.Order(StringComparer.Ordinal))}");
Console.WriteLine($"   result:    {answer}");
Console.WriteLine();

int before = emulator.Requests.Count;
var bergen = new TravelTools(TimeProvider.System);
DayPlan plan = await agent.PlanAsync("Bergen", bergen);
Console.WriteLine("== ITravelAgent.PlanAsync (typed result + tools)");
ShowConversation(emulator, from: before);
Console.WriteLine($"   tools ran: {string.Join(", ", bergen.Calls)}");
Console.WriteLine($"   result:    {plan.Summary} Stops: {string.Join(" → ", plan.Stops)}. Umbrella: {(plan.Umbrella ? "yes" : "no")}.");
return 0;

// One line per request: what the client sent back (tool results) and what the model answered.
static void ShowConversation(BedrockEmulator emulator, int from)
{
    for (int i = from; i < emulator.Requests.Count; i++)
    {
        RecordedRequest request = emulator.Requests[i];
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement last = body.RootElement.GetProperty("messages").EnumerateArray().Last();
        string sent = string.Join("; ", last.GetProperty("content").EnumerateArray().Select(Describe));
        string offered = body.RootElement.TryGetProperty("toolConfig", out JsonElement config)
            ? string.Join(", ", config.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("toolSpec").GetProperty("name").GetString()))
            : "none";
        Console.WriteLine($"   request {i - from + 1}: tools offered [{offered}]; last user turn: {sent}");
    }
}

static string Describe(JsonElement block)
{
    if (block.TryGetProperty("toolResult", out JsonElement result))
    {
        JsonElement content = result.GetProperty("content")[0];
        string value = content.TryGetProperty("text", out JsonElement text) ? text.GetString()! : content.GetProperty("json").GetRawText();
        return $"toolResult {result.GetProperty("toolUseId").GetString()} ({result.GetProperty("status").GetString()}): {value}";
    }

    string prompt = block.GetProperty("text").GetString()!;
    return prompt.Length > 60 ? $"\"{prompt[..60]}…\"" : $"\"{prompt}\"";
}
