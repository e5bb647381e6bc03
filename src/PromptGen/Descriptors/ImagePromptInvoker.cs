using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.CompilerServices;

namespace PromptGen.Descriptors;

/// <summary>
/// An image generation method: its prompt rendered by the method's compiled template, its InvokeModel body from the
/// writers its calls use, a run through the same path; the result holds each image as base64 with its media type, so a
/// page can show it.
/// </summary>
internal sealed class ImagePromptInvoker<TArguments> : PromptInvoker
{
    private readonly Func<byte[], ParseOutcome<TArguments>> _parse;
    private readonly Func<TArguments, string> _prompt;
    private readonly ImageSpec _spec;

    public ImagePromptInvoker(Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, string> prompt, ImageSpec spec)
    {
        _parse = parse;
        _prompt = prompt;
        _spec = spec;
    }

    internal override PromptPreview Render(PromptDescriptor descriptor, string argumentsJson)
    {
        string prompt = _prompt(ReadArguments(descriptor, argumentsJson, _parse));
        return new PromptPreview(null, prompt, _spec.ModelId, Encoding.UTF8.GetString(Body(prompt)));
    }

    internal override async Task<PromptRunResult> RunAsync(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        if (!string.IsNullOrWhiteSpace(modelId) && !string.Equals(modelId, _spec.ModelId, StringComparison.Ordinal))
        {
            // The body's shape and settings belong to the model family the build checked.
            throw new NotSupportedException($"{descriptor.MethodName} generates images with {_spec.ModelId} only; it cannot be run on another model.");
        }

        string prompt = _prompt(ReadArguments(descriptor, argumentsJson, _parse));
        PromptInvocation.Enter(descriptor.InterfaceName, descriptor.MethodName);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<GeneratedImage> images = await ImageGeneration.GenerateAsync(bedrock, _spec, prompt, cancellationToken).ConfigureAwait(false);
        return new PromptRunResult
        {
            ResultJson = WriteJson(writer =>
            {
                // {"images":[{"mediaType","base64","seed"}]}: what the page needs to show each one.
                writer.WriteStartObject();
                writer.WriteStartArray("images");
                foreach (GeneratedImage image in images)
                {
                    writer.WriteStartObject();
                    writer.WriteString("mediaType", image.MediaType);
                    writer.WriteBase64String("base64", image.Data.Span);
                    if (image.Seed is { } seed)
                    {
                        writer.WriteNumber("seed", seed);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }),
            RawText = string.Empty,
            ModelId = _spec.ModelId,
            Attempts = Array.Empty<PromptAttempt>(),
            Usage = new TokenUsage(),
            Latency = clock.Elapsed,
        };
    }

    // An image is one answer, not text that arrives.
    internal override PromptStream? Stream(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken) => null;

    private byte[] Body(string prompt) =>
        _spec.Family == ImageFamily.Stability ? ImageGeneration.StabilityBody(_spec, prompt) : ImageGeneration.AmazonBody(_spec, prompt);
}
