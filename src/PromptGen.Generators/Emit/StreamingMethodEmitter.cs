using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// The end of a streaming method's body. The method is not an iterator: it renders the templates and builds the
/// request at once (so a template error is thrown at the call), and returns a stream that sends the request when
/// it is first enumerated. The stream takes the method's token and the enumerator's (WithCancellation) and
/// honours both, so no <c>[EnumeratorCancellation]</c> is needed on the implementation.
/// </summary>
internal static class StreamingMethodEmitter
{
    public static bool IsStreaming(PromptMethodModel method) =>
        method.ReturnKind is ReturnKind.TextStream or ReturnKind.PromptStream or ReturnKind.ResultStream;

    /// <summary>
    /// The method's return type as the implementation writes it: a <c>ResultStream&lt;T, TPartial&gt;</c> names the
    /// partial type, nested in the interface, simply (nothing nested in the implementation is named like it).
    /// </summary>
    public static string ReturnType(PromptClientModel model, PromptMethodModel method) =>
        method.ReturnKind == ReturnKind.ResultStream && method.StreamedResult is { PartialTypeName: { } partialName }
            ? method.ReturnType.Replace(model.FullyQualifiedInterfaceName + "." + partialName + ">", partialName + ">")
            : method.ReturnType;

    public static void WriteReturn(CodeWriter writer, PromptClientModel model, PromptMethodModel method, string memberName, string modelId, string cancellation, string tools)
    {
        bool fallsBack = method.Plan is { FallbackModels.IsEmpty: false };
        if (method.Tools is not null)
        {
            // The stream runs the tool loop: the tools are bound now, and called between the model's turns.
            ToolSetEmitter.WriteTools(writer, model, method, tools);
        }

        if (method.ReturnKind == ReturnKind.ResultStream && method.Plan?.Result is { StreamedPartialType: not null } result)
        {
            string factory = StreamingBuilderEmitter.ClassName + "." + StreamingBuilderEmitter.FactoryName(result);
            if (!fallsBack && method.Tools is null)
            {
                // Target-typed: the method's return type, just above, names the stream's types.
                writer.WriteLine($"return new(_bedrock, {modelId}, request, {memberName}Result, {factory}, {cancellation});");
                return;
            }

            // The next model is tried only until the first snapshot reached the caller.
            string models = fallsBack ? PromptCallEmitter.ModelsField(memberName) : $"new {RuntimeTypes.ModelChoice}[] {{ new({modelId}) }}";
            string loop = method.Tools is null ? "null, null" : $"{tools}, {ToolSetEmitter.OptionsExpression(method, memberName)}";
            writer.WriteLine($"return {RuntimeTypes.ResultStreams}.Create(_bedrock, {models}, request, {memberName}Result, {factory}, {loop}, {cancellation});");
            return;
        }

        if (method.Tools is not null)
        {
            string models = fallsBack ? PromptCallEmitter.ModelsField(memberName) : modelId;
            writer.WriteLine($"return {RuntimeTypes.PromptStreams}.WithTools(_bedrock, {models}, request, {tools}, {ToolSetEmitter.OptionsExpression(method, memberName)}, {cancellation});");
            return;
        }

        if (fallsBack)
        {
            // The next model is tried only until the first text reached the caller.
            writer.WriteLine($"return {RuntimeTypes.PromptStreams}.WithFallbacks(_bedrock, {PromptCallEmitter.ModelsField(memberName)}, request, {cancellation});");
            return;
        }

        writer.WriteLine($"return new {RuntimeTypes.PromptStream}(_bedrock, {modelId}, request, {cancellation});");
    }

    /// <summary>
    /// The return of a streaming method that retrieves: the stream runs <paramref name="prepare"/> (retrieval, then the
    /// request) when enumerated, then streams with the method's fallback models and tools.
    /// </summary>
    public static void WriteRetrievingReturn(CodeWriter writer, PromptClientModel model, PromptMethodModel method, string memberName, string modelId, string prepare, string cancellation, string tools)
    {
        bool fallsBack = method.Plan is { FallbackModels.IsEmpty: false };
        string models = fallsBack ? PromptCallEmitter.ModelsField(memberName) : $"new {RuntimeTypes.ModelChoice}[] {{ new({modelId}) }}";
        if (method.Tools is not null)
        {
            ToolSetEmitter.WriteTools(writer, model, method, tools);
        }

        string loop = method.Tools is null ? "null, null" : $"{tools}, {ToolSetEmitter.OptionsExpression(method, memberName)}";
        if (method.ReturnKind == ReturnKind.ResultStream && method.Plan?.Result is { StreamedPartialType: not null } result)
        {
            string factory = StreamingBuilderEmitter.ClassName + "." + StreamingBuilderEmitter.FactoryName(result);
            writer.WriteLine($"return {RuntimeTypes.PassageRetrieval}.ResultStream(_bedrock, {models}, {prepare}, {memberName}Result, {factory}, {loop}, {cancellation});");
            return;
        }

        writer.WriteLine($"return {RuntimeTypes.PassageRetrieval}.Stream(_bedrock, {models}, {prepare}, {loop}, {cancellation});");
    }
}
