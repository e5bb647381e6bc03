using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Descriptors;

/// <summary>
/// Reads a method's JSON arguments with its generated parser, builds its request with the generated builder the
/// method itself calls, and runs it through the same runtime paths as the generated client. Made by
/// <see cref="PromptInvokers"/> for generated code; it cannot be derived from elsewhere.
/// </summary>
public abstract class PromptInvoker
{
    private protected PromptInvoker()
    {
    }

    /// <summary>The result's schema wraps it as <c>{"value": …}</c> (see <see cref="PromptDescriptor.ResultSchemaWrapsValue"/>).</summary>
    internal virtual bool WrapsResult => false;

    internal abstract PromptPreview Render(PromptDescriptor descriptor, string argumentsJson);

    internal abstract Task<PromptRunResult> RunAsync(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken);

    internal abstract PromptStream? Stream(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken);

    /// <summary>The method returns <c>ResultStream&lt;T, TPartial&gt;</c>: its partial values stream (<see cref="StreamPartials"/>).</summary>
    internal virtual bool StreamsPartials => false;

    /// <summary>The method's typed result as partial values, then whole; null for a method that does not stream one.</summary>
    internal virtual PromptPartialStream? StreamPartials(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken) => null;

    /// <summary>The rendered prompts and the body as <see cref="BedrockRuntimeClient"/> writes it (the same source-generated context).</summary>
    private protected static PromptPreview Preview(string modelId, ConverseRequest built, ConverseRequest sent)
    {
        string? system = built.System is { Count: > 0 } blocks
            ? string.Concat(blocks.Select(block => block.Text ?? string.Empty))
            : null;
        // The rendered user turn is the last text of the last user message: a history ending with a user turn shares
        // that message (ConversationHistory merges them), and media blocks carry no text.
        Message? user = built.Messages.LastOrDefault(message => message.Role == ConversationRole.User);
        string userText = user?.Content.LastOrDefault(block => !string.IsNullOrEmpty(block.Text))?.Text ?? string.Empty;
        string body = JsonSerializer.Serialize(sent, BedrockJsonContext.Default.ConverseRequest);
        return new PromptPreview(system, userText, modelId, body);
    }

    private protected static T ReadArguments<T>(PromptDescriptor descriptor, string argumentsJson, System.Func<byte[], ParseOutcome<T>> parse)
    {
        if (argumentsJson is null)
        {
            throw new System.ArgumentNullException(nameof(argumentsJson));
        }

        ParseOutcome<T> outcome = parse(Encoding.UTF8.GetBytes(argumentsJson));
        return outcome.IsSuccess ? outcome.Value : throw new PromptArgumentsException(descriptor.MethodName, outcome.Errors);
    }

    private protected static PromptRunResult ToRunResult<T>(PromptResult<T> result, string resultJson) => new()
    {
        ResultJson = resultJson,
        RawText = result.Text,
        ModelId = result.ModelId,
        Attempts = result.Attempts,
        Usage = result.Usage,
        StopReason = result.StopReason,
        Latency = result.Latency,
    };

    private protected static string WriteJson(System.Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private protected static PromptStream StreamText(PromptDescriptor descriptor, IBedrockRuntime bedrock, ConverseRequest request, IReadOnlyList<ModelChoice> models, CancellationToken cancellationToken) =>
        models.Count == 1
            ? new PromptStream(bedrock, models[0].ModelId, request, cancellationToken)
            : PromptStreams.WithFallbacks(bedrock, models.ToArray(), request, cancellationToken);
}
