using PromptGen.Testing;

namespace PromptGen.EndToEnd.Tests.Batch;

/// <summary>
/// The replies the batch tests script, chosen by the ticket's first word, so each result shows which input it
/// answers: "bill" → Billing, "bug" → Bug, "broken" → an invalid priority, "fail" → a model error.
/// </summary>
internal static class BatchScript
{
    public static void Triage(BedrockEmulator emulator)
    {
        emulator.Script.When(promptContains: "ticket: bill").ReplyJson("""{"label":"billing","priority":2}""");
        emulator.Script.When(promptContains: "ticket: bug").ReplyJson("""{"label":"bug","priority":4}""");
        emulator.Script.When(promptContains: "ticket: broken").ReplyJson("""{"label":"other","priority":9}""");
        emulator.Script.When(promptContains: "ticket: fail").ReplyError("ValidationException", 400, "The record was refused.");
    }

    /// <summary>The ticket of input <paramref name="index"/>: every 10th broken, every 25th failing, else bill or bug by parity.</summary>
    public static string Ticket(int index) =>
        index % 25 == 24 ? $"fail {index}" : index % 10 == 9 ? $"broken {index}" : index % 2 == 0 ? $"bill {index}" : $"bug {index}";
}
