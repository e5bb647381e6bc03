using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.Bedrock;

// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_RetrieveAndGenerate.html

/// <summary>The body of a <c>RetrieveAndGenerate</c> request (<c>POST /retrieveAndGenerate</c>).</summary>
public sealed class RetrieveAndGenerateRequest
{
    /// <summary>The user's question.</summary>
    public RetrieveAndGenerateInput Input { get; set; } = new();

    /// <summary>A session to continue; null starts a new one (its id comes back in the answer).</summary>
    public string? SessionId { get; set; }

    /// <summary>Which knowledge base and model, and how to retrieve and generate.</summary>
    public RetrieveAndGenerateConfiguration RetrieveAndGenerateConfiguration { get; set; } = new();
}

/// <summary>The <c>input</c> of a RetrieveAndGenerate request.</summary>
public sealed class RetrieveAndGenerateInput
{
    /// <summary>The question text.</summary>
    public string Text { get; set; } = "";
}

/// <summary><c>retrieveAndGenerateConfiguration</c>; this version sends the <c>KNOWLEDGE_BASE</c> type.</summary>
public sealed class RetrieveAndGenerateConfiguration
{
    /// <summary><c>KNOWLEDGE_BASE</c> (the default) or <c>EXTERNAL_SOURCES</c>.</summary>
    public string Type { get; set; } = "KNOWLEDGE_BASE";

    /// <summary>The knowledge base settings, for <c>KNOWLEDGE_BASE</c>.</summary>
    public KnowledgeBaseRetrieveAndGenerateConfiguration? KnowledgeBaseConfiguration { get; set; }
}

/// <summary><c>knowledgeBaseConfiguration</c>: the knowledge base, the model that answers, retrieval and generation settings.</summary>
public sealed class KnowledgeBaseRetrieveAndGenerateConfiguration
{
    /// <summary>The knowledge base id (up to 10 letters and digits).</summary>
    public string KnowledgeBaseId { get; set; } = "";

    /// <summary>The model or inference profile that answers: an ARN, or a model id where the service accepts one.</summary>
    public string ModelArn { get; set; } = "";

    /// <summary>How passages are retrieved; null for the defaults.</summary>
    public KnowledgeBaseRetrievalConfiguration? RetrievalConfiguration { get; set; }

    /// <summary>The prompt template and inference settings; null for the defaults.</summary>
    public GenerationConfiguration? GenerationConfiguration { get; set; }
}

/// <summary><c>generationConfiguration</c> of RetrieveAndGenerate.</summary>
public sealed class GenerationConfiguration
{
    /// <summary>The prompt template; it must contain <c>$search_results$</c> (and may contain <c>$query$</c>).</summary>
    public KnowledgeBasePromptTemplate? PromptTemplate { get; set; }

    /// <summary>Temperature, top-p, token limit and stop sequences.</summary>
    public KnowledgeBaseInferenceConfig? InferenceConfig { get; set; }

    /// <summary>Model-specific fields passed through to the model.</summary>
    public IDictionary<string, JsonElement>? AdditionalModelRequestFields { get; set; }
}

/// <summary><c>promptTemplate</c> of a generation configuration.</summary>
public sealed class KnowledgeBasePromptTemplate
{
    /// <summary>The template text, with <c>$search_results$</c> where the passages go.</summary>
    public string? TextPromptTemplate { get; set; }
}

/// <summary><c>inferenceConfig</c> of a generation configuration.</summary>
public sealed class KnowledgeBaseInferenceConfig
{
    /// <summary>The text model settings.</summary>
    public TextInferenceConfig? TextInferenceConfig { get; set; }
}

/// <summary><c>textInferenceConfig</c>.</summary>
public sealed class TextInferenceConfig
{
    /// <summary>Sampling temperature.</summary>
    public float? Temperature { get; set; }

    /// <summary>Nucleus sampling.</summary>
    public float? TopP { get; set; }

    /// <summary>The answer's token limit.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Sequences that end the answer.</summary>
    public IList<string>? StopSequences { get; set; }
}
