using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Streaming;

/// <summary>
/// Puts a <c>ConverseStream</c> answer back together as the <see cref="ConverseResponse"/> Converse would have
/// returned: text blocks, tool calls (their input fragments joined and parsed at the block's end), stop reason,
/// usage and metrics. Each event is handled in time proportional to its own size.
/// </summary>
internal sealed class ConverseStreamAccumulator
{
    private readonly SortedDictionary<int, Block> _blocks = new();
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _reasoning = new();

    /// <summary>The text of every text block so far, concatenated.</summary>
    public string Text => _text.ToString();

    public string Reasoning => _reasoning.ToString();

    public int TextLength => _text.Length;

    public StopReason? StopReason { get; private set; }

    public TokenUsage? Usage { get; private set; }

    public ConverseMetrics? Metrics { get; private set; }

    public JsonElement? AdditionalModelResponseFields { get; private set; }

    public ConverseTrace? Trace { get; private set; }

    public PerformanceConfiguration? PerformanceConfig { get; private set; }

    public ServiceTier? ServiceTier { get; private set; }

    /// <summary>messageStop arrived: the model finished (metadata may still follow).</summary>
    public bool HasStopped { get; private set; }

    /// <summary>The <c>x-amzn-RequestId</c> of the stream, once an event carrying it arrived.</summary>
    public string? RequestId { get; private set; }

    public void Add(ConverseStreamEvent streamEvent)
    {
        RequestId ??= streamEvent.RequestId;
        switch (streamEvent)
        {
            case ContentBlockStartEvent { Start.ToolUse: { } toolUse } start:
                Get(start.ContentBlockIndex).ToolUse = toolUse;
                break;
            case ContentBlockDeltaEvent delta:
                Block block = Get(delta.ContentBlockIndex);
                if (delta.Delta.Text is { } text)
                {
                    block.Text.Append(text);
                    _text.Append(text);
                }
                else if (delta.Delta.ToolUse is { } input)
                {
                    block.Input.Append(input.Input);
                }
                else if (delta.Delta.ReasoningContent is { } reasoning)
                {
                    block.AddReasoning(reasoning);
                    _reasoning.Append(reasoning.Text);
                }
                else if (delta.Delta.Citation is { } citation && ReadCitation(citation) is { } read)
                {
                    (block.Citations ??= new List<ConverseCitation>()).Add(read);
                }

                break;
            case MessageStopEvent stop:
                StopReason = stop.StopReason;
                AdditionalModelResponseFields = stop.AdditionalModelResponseFields;
                HasStopped = true;
                break;
            case ConverseStreamMetadataEvent metadata:
                Usage = metadata.Usage;
                Metrics = metadata.Metrics;
                Trace = metadata.Trace;
                PerformanceConfig = metadata.PerformanceConfig;
                ServiceTier = metadata.ServiceTier;
                break;
        }
    }

    /// <summary>The JSON input received so far of the first call of the tool named <paramref name="name"/>; empty when there is none.</summary>
    public string InputOfTool(string name)
    {
        foreach (KeyValuePair<int, Block> block in _blocks)
        {
            if (block.Value.ToolUse?.Name == name)
            {
                return block.Value.Input.ToString();
            }
        }

        return string.Empty;
    }

    /// <summary>The name of the tool whose call is block <paramref name="index"/>, or null.</summary>
    public string? ToolNameOf(int index) => _blocks.TryGetValue(index, out Block? block) ? block.ToolUse?.Name : null;

    /// <summary>
    /// The answer as Converse returns it. Reasoning blocks are kept with their signature (or redacted content), so
    /// a later turn can send them back as Claude requires.
    /// </summary>
    public ConverseResponse ToResponse()
    {
        var content = new List<ContentBlock>();
        foreach (Block block in _blocks.Values)
        {
            if (block.ToolUse is { } toolUse)
            {
                content.Add(new ContentBlock
                {
                    ToolUse = new ToolUseBlock { ToolUseId = toolUse.ToolUseId, Name = toolUse.Name, Type = toolUse.Type, Input = ParseInput(block.Input.ToString()) },
                });
            }
            else if (block.Reasoning is { } reasoning)
            {
                content.Add(new ContentBlock { ReasoningContent = reasoning.ToBlock() });
            }
            else if (block.Citations is { } citations)
            {
                // A cited text block streams as text deltas plus citation deltas; Converse returns it as citationsContent.
                content.Add(new ContentBlock
                {
                    CitationsContent = new CitationsContentBlock
                    {
                        Content = new List<CitationGeneratedContent> { new() { Text = block.Text.ToString() } },
                        Citations = citations,
                    },
                });
            }
            else if (block.Text.Length > 0)
            {
                content.Add(ContentBlock.FromText(block.Text.ToString()));
            }
        }

        return new ConverseResponse
        {
            Output = new ConverseOutput { Message = new Message { Role = ConversationRole.Assistant, Content = content } },
            StopReason = StopReason,
            Usage = Usage,
            Metrics = Metrics,
            AdditionalModelResponseFields = AdditionalModelResponseFields,
            Trace = Trace,
            PerformanceConfig = PerformanceConfig,
            ServiceTier = ServiceTier,
            RequestId = RequestId,
        };
    }

    /// <summary>
    /// A streamed <c>citation</c> delta (the SDK's CitationsDelta: title, source, sourceContent, location, the shape of
    /// a Converse citation); null when its members have other types than the API's, so one odd delta costs only itself.
    /// </summary>
    private static ConverseCitation? ReadCitation(JsonElement citation)
    {
        if (citation.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return citation.Deserialize(BedrockJsonContext.Default.ConverseCitation);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // InvalidOperationException: a string that is not valid UTF-8 once unescaped
        }
    }

    /// <summary>
    /// The joined input fragments as JSON. Input that is not JSON (a cut-off answer) is kept as a string, which
    /// the structured reader then reads leniently and reports precisely, as for a model that sends a string.
    /// </summary>
    private static JsonElement ParseInput(string input)
    {
        if (input.Length == 0)
        {
            input = "{}";
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(input);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(input.Length + 2);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStringValue(input);
            }

            using JsonDocument asString = JsonDocument.Parse(buffer.WrittenMemory);
            return asString.RootElement.Clone();
        }
    }

    private Block Get(int index)
    {
        if (!_blocks.TryGetValue(index, out Block? block))
        {
            block = new Block();
            _blocks[index] = block;
        }

        return block;
    }

    private sealed class Block
    {
        public ToolUseBlockStart? ToolUse { get; set; }

        public StringBuilder Text { get; } = new();

        public StringBuilder Input { get; } = new();

        /// <summary>The citations streamed for this text block; null when none came.</summary>
        public List<ConverseCitation>? Citations { get; set; }

        public ReasoningParts? Reasoning { get; private set; }

        public void AddReasoning(ReasoningContentBlockDelta delta)
        {
            Reasoning ??= new ReasoningParts();
            Reasoning.Text.Append(delta.Text);
            Reasoning.Signature = delta.Signature ?? Reasoning.Signature;
            if (delta.RedactedContent is { } redacted)
            {
                Reasoning.Redacted.AddRange(redacted);
            }
        }
    }

    /// <summary>A reasoning block's text and signature, or its redacted bytes, as their deltas arrive.</summary>
    private sealed class ReasoningParts
    {
        public StringBuilder Text { get; } = new();

        public string? Signature { get; set; }

        public List<byte> Redacted { get; } = new();

        public ReasoningContentBlock ToBlock() => Redacted.Count > 0 && Text.Length == 0
            ? new ReasoningContentBlock { RedactedContent = Redacted.ToArray() }
            : new ReasoningContentBlock { ReasoningText = new ReasoningTextBlock { Text = Text.ToString(), Signature = Signature } };
    }
}
