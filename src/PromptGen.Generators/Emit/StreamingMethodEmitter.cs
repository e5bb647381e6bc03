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

    public static void WriteReturn(CodeWriter writer, PromptClientModel model, PromptMethodModel method, string memberName, string modelId, string cancellation)
    {
        if (method.ReturnKind == ReturnKind.ResultStream && method.Plan?.Result is { StreamedPartialType: not null } result)
        {
            // Target-typed: the method's return type, just above, names the stream's types.
            string factory = StreamingBuilderEmitter.ClassName + "." + StreamingBuilderEmitter.FactoryName(result);
            writer.WriteLine($"return new(_bedrock, {modelId}, request, {memberName}Result, {factory}, {cancellation});");
            return;
        }

        if (method.Plan is { FallbackModels.IsEmpty: false } && method.Tools is null)
        {
            // The next model is tried only until the first text reached the caller.
            writer.WriteLine($"return {RuntimeTypes.PromptStreams}.WithFallbacks(_bedrock, {PromptCallEmitter.ModelsField(memberName)}, request, {cancellation});");
            return;
        }

        writer.WriteLine($"return new {RuntimeTypes.PromptStream}(_bedrock, {modelId}, request, {cancellation});");
    }
}
