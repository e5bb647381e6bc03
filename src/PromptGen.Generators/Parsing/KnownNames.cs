namespace PromptGen.Generators.Parsing;

/// <summary>Metadata names of the runtime types the generator recognises.</summary>
internal static class KnownNames
{
    public const string PromptClientAttribute = "PromptGen.PromptClientAttribute";
    public const string PromptAttribute = "PromptGen.PromptAttribute";
    public const string SystemPromptAttribute = "PromptGen.SystemPromptAttribute";
    public const string ModelAttribute = "PromptGen.ModelAttribute";
    public const string InferenceAttribute = "PromptGen.InferenceAttribute";
    public const string PromptDefaultsAttribute = "PromptGen.PromptDefaultsAttribute";
    public const string FallbackModelsAttribute = "PromptGen.FallbackModelsAttribute";
    public const string ConversationMessage = "PromptGen.Message";
    public const string ChatMessage = "Microsoft.Extensions.AI.ChatMessage";
    public const string NotInTemplateAttribute = "PromptGen.NotInTemplateAttribute";
    public const string GuardrailAttribute = "PromptGen.GuardrailAttribute";
    public const string CachePointAttribute = "PromptGen.CachePointAttribute";
    public const string LatencyOptimizedAttribute = "PromptGen.LatencyOptimizedAttribute";
    public const string ServiceTierAttribute = "PromptGen.ServiceTierAttribute";
    public const string ModelRequestFieldsAttribute = "PromptGen.ModelRequestFieldsAttribute";
    public const string ReasoningAttribute = "PromptGen.ReasoningAttribute";
    public const string RequestMetadataAttribute = "PromptGen.RequestMetadataAttribute";
    public const string BedrockRuntime = "PromptGen.IBedrockRuntime";
    public const string StructuredOutputAttribute = "PromptGen.StructuredOutputAttribute";
    public const string PromptResult = "PromptGen.PromptResult<T>";
    public const string ToolAttribute = "PromptGen.ToolAttribute";
    public const string ToolLoopAttribute = "PromptGen.ToolLoopAttribute";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task<TResult>";
    public const string ValueTask = "System.Threading.Tasks.ValueTask<TResult>";
    public const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable<T>";
    public const string PromptStream = "PromptGen.PromptStream";
    public const string ResultStream = "PromptGen.ResultStream<T, TPartial>";
}
