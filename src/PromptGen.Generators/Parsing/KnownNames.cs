namespace PromptGen.Generators.Parsing;

/// <summary>
/// Metadata names (as <c>Compilation.GetTypeByMetadataName</c> takes them: generic arity after a backtick) of the
/// types the generator and the analyzers recognise. The one place these names are written: everything else matches
/// the symbols <see cref="KnownTypeSymbols"/> resolves from them, so moving a runtime type is one edit here.
/// </summary>
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
    public const string AITool = "Microsoft.Extensions.AI.AITool";
    public const string NotInTemplateAttribute = "PromptGen.NotInTemplateAttribute";
    public const string GuardrailAttribute = "PromptGen.GuardrailAttribute";
    public const string CachePointAttribute = "PromptGen.CachePointAttribute";
    public const string LatencyOptimizedAttribute = "PromptGen.LatencyOptimizedAttribute";
    public const string ServiceTierAttribute = "PromptGen.ServiceTierAttribute";
    public const string ModelRequestFieldsAttribute = "PromptGen.ModelRequestFieldsAttribute";
    public const string ReasoningAttribute = "PromptGen.ReasoningAttribute";
    public const string RequestMetadataAttribute = "PromptGen.RequestMetadataAttribute";
    public const string BedrockRuntime = "PromptGen.IBedrockRuntime";
    public const string PromptClientInterface = "PromptGen.IPromptClient`1";
    public const string StructuredOutputAttribute = "PromptGen.StructuredOutputAttribute";
    public const string PromptResult = "PromptGen.PromptResult`1";
    public const string ToolAttribute = "PromptGen.ToolAttribute";
    public const string ToolLoopAttribute = "PromptGen.ToolLoopAttribute";
    public const string ImageAttribute = "PromptGen.ImageAttribute";
    public const string DocumentAttribute = "PromptGen.DocumentAttribute";
    public const string VideoAttribute = "PromptGen.VideoAttribute";
    public const string PromptImage = "PromptGen.PromptImage";
    public const string PromptDocument = "PromptGen.PromptDocument";
    public const string PromptVideo = "PromptGen.PromptVideo";
    public const string PromptStream = "PromptGen.PromptStream";
    public const string ResultStream = "PromptGen.ResultStream`2";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask`1";
    public const string NonGenericTask = "System.Threading.Tasks.Task";
    public const string NonGenericValueTask = "System.Threading.Tasks.ValueTask";
    public const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string ReadOnlyDictionary = "System.Collections.Generic.IReadOnlyDictionary`2";
    public const string Memory = "System.Memory`1";
    public const string ReadOnlyMemory = "System.ReadOnlyMemory`1";
    public const string Stream = "System.IO.Stream";
    public const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";
    public const string EmbeddingAttribute = "PromptGen.EmbeddingAttribute";
    public const string ImageGenerationAttribute = "PromptGen.ImageGenerationAttribute";
    public const string MaskAttribute = "PromptGen.MaskAttribute";
    public const string GeneratedImage = "PromptGen.GeneratedImage";
    public const string Embedding = "Microsoft.Extensions.AI.Embedding`1";
    public const string ReadOnlyList = "System.Collections.Generic.IReadOnlyList`1";
    public const string Enumerable = "System.Collections.Generic.IEnumerable`1";
    public const string RetrieveAttribute = "PromptGen.RetrieveAttribute";
    public const string RetrievedPassage = "PromptGen.Retrieval.RetrievedPassage";
    public const string PassageRetriever = "PromptGen.Retrieval.IPassageRetriever";
    public const string RetrievalFilter = "PromptGen.Bedrock.RetrievalFilter";
}
