using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>The answer of <c>RetrieveAndGenerate</c>: the generated text and the passages that support each part of it.</summary>
public sealed class RetrieveAndGenerateResponse
{
    /// <summary>The session id, to continue the conversation.</summary>
    public string? SessionId { get; set; }

    /// <summary>The generated answer.</summary>
    public RetrieveAndGenerateOutput? Output { get; set; }

    /// <summary>Which retrieved passages support which part of the answer.</summary>
    public IList<KnowledgeBaseCitation>? Citations { get; set; }

    /// <summary><c>INTERVENED</c> or <c>NONE</c> when a guardrail was applied; null otherwise.</summary>
    public string? GuardrailAction { get; set; }

    /// <summary>The <c>x-amzn-RequestId</c> of the answer (not part of the body).</summary>
    [JsonIgnore]
    public string? RequestId { get; set; }
}

/// <summary>The <c>output</c> of RetrieveAndGenerate.</summary>
public sealed class RetrieveAndGenerateOutput
{
    /// <summary>The answer text.</summary>
    public string Text { get; set; } = "";
}

/// <summary>One citation: a part of the answer and the passages behind it.</summary>
public sealed class KnowledgeBaseCitation
{
    /// <summary>The part of the answer this citation covers.</summary>
    public GeneratedResponsePart? GeneratedResponsePart { get; set; }

    /// <summary>The passages that support it.</summary>
    public IList<RetrievedReference>? RetrievedReferences { get; set; }
}

/// <summary><c>generatedResponsePart</c> of a citation.</summary>
public sealed class GeneratedResponsePart
{
    /// <summary>The cited text and where it sits in the answer.</summary>
    public TextResponsePart? TextResponsePart { get; set; }
}

/// <summary><c>textResponsePart</c>: the cited text and its span.</summary>
public sealed class TextResponsePart
{
    /// <summary>The cited part of the answer.</summary>
    public string? Text { get; set; }

    /// <summary>Where it is in <see cref="RetrieveAndGenerateOutput.Text"/>.</summary>
    public CitationSpan? Span { get; set; }
}

/// <summary>Where a cited part sits in the answer: character offsets as the service reports them.</summary>
public sealed class CitationSpan
{
    /// <summary>The first character.</summary>
    public int Start { get; set; }

    /// <summary>The last character.</summary>
    public int End { get; set; }
}

/// <summary>A passage a citation points at.</summary>
public sealed class RetrievedReference
{
    /// <summary>The passage.</summary>
    public RetrievalResultContent? Content { get; set; }

    /// <summary>Its source.</summary>
    public RetrievalResultLocation? Location { get; set; }

    /// <summary>Its metadata.</summary>
    public IDictionary<string, JsonElement>? Metadata { get; set; }
}
