using Microsoft.Extensions.DependencyInjection;
using PromptGen.Testing;

namespace SupportMcp;

/// <summary>What this server serves, shared by Program and the tests (tests/PromptGen.Mcp.Tests).</summary>
public static class SupportServer
{
    /// <summary>
    /// Every method of <see cref="ISupportPrompts"/> as an MCP tool (runs it on Bedrock) and as an MCP prompt (renders
    /// its templates): <c>triage_ticket</c>, <c>suggest_tags</c>, <c>summarize</c>.
    /// </summary>
    public static IMcpServerBuilder WithSupportPrompts(this IMcpServerBuilder builder) =>
        builder.WithPromptTools(ISupportPrompts.Descriptors).WithPromptTemplates(ISupportPrompts.Descriptors);

    /// <summary>The emulator's answers in the offline demo: scripted here, not written by a model.</summary>
    public static void ScriptDemoAnswers(BedrockEmulator emulator)
    {
        emulator.Script.When(promptContains: "Triage this ticket")
            .ReplyText("""{"team":"Billing","urgency":"High","needsHuman":true}""");
        emulator.Script.When(promptContains: "short tags")
            .ReplyText("""["billing","refund","duplicate-charge"]""");
        emulator.Script.When(promptContains: "Summarize in one sentence")
            .ReplyText("A customer was charged twice and wants a refund.");
    }
}
