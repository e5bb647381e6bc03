using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using PromptGen.Generators.Analyzers;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>
/// What applies to one prompt method, as text so that a difference reads well: its model, fallback models, system
/// prompt template, result strategy per model (<see cref="Text"/> for a text result) and inference settings.
/// </summary>
internal sealed record MethodDecision(string Model, string Fallbacks, string SystemPrompt, string Strategies, string Inference)
{
    public const string Text = "(text)";

    public const string None = "(none)";

    /// <summary>What the generator's model records for a method it generates.</summary>
    public static MethodDecision OfGenerator(PromptPlan plan) => new(
        plan.ModelId,
        string.Join(", ", plan.FallbackModels.Select(fallback => fallback.ModelId)),
        plan.SystemTemplate ?? None,
        plan.Result is null
            ? Text
            : ByModel(new[] { (plan.ModelId, plan.Result.Strategy) }.Concat(plan.FallbackModels.Select(fallback => (fallback.ModelId, fallback.Strategy ?? None)))),
        Describe(plan.Inference));

    /// <summary>
    /// What the analyzers act on, through the calls they make: the model and fallbacks they judge (with the literal
    /// each is reported at), the system prompt PG0208 looks for, the strategy the result analyzers assume for each
    /// model of a typed result, and the inference settings PG0206/PG0209/PG0216/PG0217 read.
    /// </summary>
    public static MethodDecision OfAnalyzers(PromptMethod method, Parsing.KnownTypeSymbols knownTypes)
    {
        string? model = ModelReference.Effective(method, CancellationToken.None)?.Id;
        IReadOnlyList<string> fallbacks = ModelReference.EffectiveFallbacks(method, CancellationToken.None).Select(reference => reference.Id).ToList();
        string strategies = TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes) is null
            ? Text
            : ByModel(new[] { model ?? string.Empty }.Concat(fallbacks).Select(id => (id, method.Rules.StrategyFor(id).Strategy)));
        return new MethodDecision(model ?? None, string.Join(", ", fallbacks), method.Rules.SystemPrompt.Template ?? None, strategies, Describe(method.Rules.Inference.Effective));
    }

    private static string ByModel(IEnumerable<(string Model, string Strategy)> strategies) =>
        string.Join(", ", strategies.Select(pair => $"{pair.Model}: {pair.Strategy}"));

    private static string Describe(InferenceModel inference) => string.Create(
        CultureInfo.InvariantCulture,
        $"MaxTokens={inference.MaxTokens}, Temperature={inference.Temperature:R}, TopP={inference.TopP:R}, StopSequences=[{string.Join("|", inference.StopSequences)}]");
}
