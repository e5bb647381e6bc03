using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// The parts of a method that conversation history, result details and fallback models change: the request's
/// messages, the ordered models field, and the call. A plain text method with one model calls Converse directly.
/// </summary>
internal static class PromptCallEmitter
{

    /// <summary>The method's models in the order tried, for a method with fallback models.</summary>
    public static void WriteModelsField(CodeWriter writer, PromptMethodModel method, string memberName)
    {
        if (method.Plan is not { FallbackModels.IsEmpty: false } plan)
        {
            return;
        }

        writer.WriteLine("// Tried in order: the next model when one fails (see ModelFallbackPolicy).");
        writer.WriteLine($"private static readonly {RuntimeTypes.ModelChoice}[] {ModelsField(memberName)} =");
        writer.OpenBlock();
        writer.WriteLine(Choice(plan.ModelId, plan.Result?.Strategy) + ",");
        foreach (FallbackModel fallback in plan.FallbackModels)
        {
            if (fallback.StrategyReason is not null && fallback.Strategy != plan.Result?.Strategy)
            {
                writer.WriteLine($"// {fallback.Strategy}: {fallback.StrategyReason}.");
            }

            writer.WriteLine(Choice(fallback.ModelId, fallback.Strategy) + ",");
        }

        writer.Indent--;
        writer.WriteLine("};");
        writer.WriteLine();
    }

    /// <summary>The request's messages: the rendered user turn, after the history when the method takes one.</summary>
    public static void WriteMessages(CodeWriter writer, PromptPlan plan, string userTurn)
    {
        writer.WriteLine(plan.HistoryParameter is { } history
            ? $"Messages = {RuntimeTypes.ConversationHistory}.Build({history}, {userTurn}),"
            : $"Messages = {{ {userTurn} }},");
    }

    /// <summary>The call of a method that does not stream, and its return.</summary>
    public static void WriteCall(CodeWriter writer, PromptPlan plan, string memberName, string bedrock, string modelId, string request, string response, string cancellation)
    {
        string models = plan.FallbackModels.IsEmpty ? modelId : ModelsField(memberName);
        if (plan.Result is { } result)
        {
            string run = result.WithDetails ? "RunWithDetailsAsync" : "RunAsync";
            string call = $"await {RuntimeTypes.StructuredPrompt}.{run}({bedrock}, {models}, {request}, {memberName}Result, {cancellation}).ConfigureAwait(false)";
            writer.WriteLine($"return {(result.WithDetails ? RetrievalEmitter.WithPassages(plan, call) : call)};");
        }
        else if (plan.TextWithDetails || !plan.FallbackModels.IsEmpty)
        {
            string run = plan.TextWithDetails ? "RunWithDetailsAsync" : "RunAsync";
            string call = $"await {RuntimeTypes.TextPrompt}.{run}({bedrock}, {models}, {request}, {cancellation}).ConfigureAwait(false)";
            writer.WriteLine($"return {(plan.TextWithDetails ? RetrievalEmitter.WithPassages(plan, call) : call)};");
        }
        else
        {
            writer.WriteLine($"{RuntimeTypes.ConverseResponse} {response} = await {bedrock}.ConverseAsync({modelId}, {request}, {cancellation}).ConfigureAwait(false);");
            writer.WriteLine($"{RuntimeTypes.GuardrailInterventionException}.ThrowIfIntervened({modelId}, {response});");
            writer.WriteLine($"return {response}.GetOutputText();");
        }
    }

    public static string ModelsField(string memberName) => memberName + "Models";

    private static string Choice(string modelId, string? strategy) =>
        strategy is null
            ? $"new({SymbolDisplay.FormatLiteral(modelId, quote: true)})"
            : $"new({SymbolDisplay.FormatLiteral(modelId, quote: true)}, {RuntimeTypes.StructuredOutputStrategy}.{strategy})";
}
