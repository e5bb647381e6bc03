using System;
using System.Text.Json;
using PromptGen.Testing.KnowledgeBases;

namespace PromptGen.Testing.Wire.KnowledgeBases;

/// <summary>A Retrieve body the emulator accepted.</summary>
internal sealed record RetrieveBody(string Query, int NumberOfResults, MetadataFilter? Filter, RerankingBody? Reranking = null)
{
    /// <summary>How many of the search's results the answer keeps: the reranker's count when it states one.</summary>
    public int ResultsKept => Reranking?.NumberOfRerankedResults ?? NumberOfResults;
}

/// <summary>A Bedrock reranker the request names (its model id, from the ARN) and how many results it keeps.</summary>
internal sealed record RerankingBody(string ModelId, int? NumberOfRerankedResults);

/// <summary>A RetrieveAndGenerate body the emulator accepted.</summary>
internal sealed record RetrieveAndGenerateBody(
    string Question, string? SessionId, string KnowledgeBaseId, string ModelId, RetrieveBody Retrieval, string? PromptTemplate);

/// <summary>
/// Reads and checks the bodies of Retrieve and RetrieveAndGenerate as the service does: the members it requires, the
/// range of <c>numberOfResults</c> (1 to 100, default 5), the search types, the filter union, a reranking's type,
/// model ARN and <c>numberOfRerankedResults</c> (1 to 100). Unknown members are ignored, as in the rest-json protocol.
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_Retrieve.html
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_VectorSearchRerankingConfiguration.html
/// </summary>
internal static class KnowledgeBaseRequests
{
    public const int DefaultNumberOfResults = 5;
    public const int MaxNumberOfResults = 100;
    private const int MaxQueryLength = 20_000;

    public static (RetrieveBody? Body, EmulatorError? Error) ReadRetrieve(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("The request body must be a JSON object."));
            }

            if (!root.TryGetProperty("retrievalQuery", out JsonElement query) || query.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("1 validation error detected: Value null at 'retrievalQuery' failed to satisfy constraint: Member must not be null"));
            }

            return ReadRetrieval(query, "retrievalQuery.text", root.TryGetProperty("retrievalConfiguration", out JsonElement configuration) ? configuration : default);
        }
        catch (JsonException e)
        {
            return (null, EmulatorErrors.Validation($"The request body is not valid JSON: {e.Message}"));
        }
        catch (InvalidOperationException)
        {
            // A string member whose bytes (or \u escapes, a lone surrogate) are not valid UTF-8 once unescaped.
            return (null, EmulatorErrors.Validation("The request body holds a string that is not valid UTF-8."));
        }
    }

    public static (RetrieveAndGenerateBody? Body, EmulatorError? Error) ReadRetrieveAndGenerate(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("The request body must be a JSON object."));
            }

            if (!root.TryGetProperty("input", out JsonElement input) || input.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null"));
            }

            string? sessionId = root.TryGetProperty("sessionId", out JsonElement session) && session.ValueKind == JsonValueKind.String ? session.GetString() : null;
            if (!root.TryGetProperty("retrieveAndGenerateConfiguration", out JsonElement configuration) || configuration.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("retrieveAndGenerateConfiguration is required by the emulator (it answers from a knowledge base)."));
            }

            string? type = StringMember(configuration, "type");
            if (type != "KNOWLEDGE_BASE")
            {
                return (null, EmulatorErrors.Validation(type == "EXTERNAL_SOURCES"
                    ? "The emulator answers from knowledge bases only; EXTERNAL_SOURCES is not emulated."
                    : "retrieveAndGenerateConfiguration.type must be KNOWLEDGE_BASE or EXTERNAL_SOURCES."));
            }

            if (!configuration.TryGetProperty("knowledgeBaseConfiguration", out JsonElement knowledgeBase) || knowledgeBase.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("knowledgeBaseConfiguration is required when type is KNOWLEDGE_BASE."));
            }

            string? id = StringMember(knowledgeBase, "knowledgeBaseId");
            if (id is null || !EmulatedKnowledgeBase.IsValidId(id))
            {
                return (null, EmulatorErrors.Validation("knowledgeBaseConfiguration.knowledgeBaseId must be 1 to 10 letters and digits."));
            }

            string? modelArn = StringMember(knowledgeBase, "modelArn");
            if (string.IsNullOrWhiteSpace(modelArn) || modelArn.Length > 2048)
            {
                return (null, EmulatorErrors.Validation("knowledgeBaseConfiguration.modelArn is required."));
            }

            (RetrieveBody? retrieval, EmulatorError? error) = ReadRetrieval(
                input, "input.text", knowledgeBase.TryGetProperty("retrievalConfiguration", out JsonElement retrievalConfiguration) ? retrievalConfiguration : default);
            if (retrieval is null)
            {
                return (null, error);
            }

            string? template = null;
            if (knowledgeBase.TryGetProperty("generationConfiguration", out JsonElement generation) && generation.ValueKind == JsonValueKind.Object
                && generation.TryGetProperty("promptTemplate", out JsonElement promptTemplate) && promptTemplate.ValueKind == JsonValueKind.Object)
            {
                template = StringMember(promptTemplate, "textPromptTemplate");
                if (template is not null && !template.Contains("$search_results$", StringComparison.Ordinal))
                {
                    return (null, EmulatorErrors.Validation("The prompt template must contain the $search_results$ placeholder."));
                }
            }

            return (new RetrieveAndGenerateBody(retrieval.Query, sessionId, id, ModelIdOf(modelArn), retrieval, template), null);
        }
        catch (JsonException e)
        {
            return (null, EmulatorErrors.Validation($"The request body is not valid JSON: {e.Message}"));
        }
        catch (InvalidOperationException)
        {
            // A string member whose bytes (or \u escapes, a lone surrogate) are not valid UTF-8 once unescaped.
            return (null, EmulatorErrors.Validation("The request body holds a string that is not valid UTF-8."));
        }
    }

    /// <summary>The model id of a foundation-model or inference-profile ARN (the part after the last '/'); other values as they are.</summary>
    public static string ModelIdOf(string modelArn) =>
        modelArn.StartsWith("arn:", StringComparison.Ordinal) && modelArn.LastIndexOf('/') is var slash and >= 0 ? modelArn[(slash + 1)..] : modelArn;

    private static (RetrieveBody? Body, EmulatorError? Error) ReadRetrieval(JsonElement textHolder, string textPath, JsonElement configuration)
    {
        string? text = StringMember(textHolder, "text");
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxQueryLength)
        {
            return (null, EmulatorErrors.Validation($"1 validation error detected: Value at '{textPath}' failed to satisfy constraint: Member must have length between 1 and {MaxQueryLength}"));
        }

        int count = DefaultNumberOfResults;
        MetadataFilter? filter = null;
        RerankingBody? reranking = null;
        if (configuration.ValueKind == JsonValueKind.Object)
        {
            if (!configuration.TryGetProperty("vectorSearchConfiguration", out JsonElement vector) || vector.ValueKind != JsonValueKind.Object)
            {
                return (null, EmulatorErrors.Validation("retrievalConfiguration.vectorSearchConfiguration is required."));
            }

            if (vector.TryGetProperty("numberOfResults", out JsonElement number))
            {
                if (number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out count) || count is < 1 or > MaxNumberOfResults)
                {
                    return (null, EmulatorErrors.Validation(
                        $"1 validation error detected: Value '{number.GetRawText()}' at 'retrievalConfiguration.vectorSearchConfiguration.numberOfResults' failed to satisfy constraint: Member must have value between 1 and {MaxNumberOfResults}"));
                }
            }

            if (vector.TryGetProperty("overrideSearchType", out JsonElement searchType)
                && (searchType.ValueKind != JsonValueKind.String || searchType.GetString() is not ("HYBRID" or "SEMANTIC")))
            {
                return (null, EmulatorErrors.Validation("overrideSearchType must be HYBRID or SEMANTIC."));
            }

            if (vector.TryGetProperty("filter", out JsonElement filterElement))
            {
                (filter, string? filterError) = MetadataFilter.Parse(filterElement);
                if (filter is null)
                {
                    return (null, EmulatorErrors.Validation(filterError!));
                }
            }

            if (vector.TryGetProperty("rerankingConfiguration", out JsonElement rerankingElement))
            {
                (reranking, EmulatorError? rerankingError) = ReadReranking(rerankingElement);
                if (reranking is null)
                {
                    return (null, rerankingError);
                }
            }
        }
        else if (configuration.ValueKind != JsonValueKind.Undefined)
        {
            return (null, EmulatorErrors.Validation("retrievalConfiguration must be an object."));
        }

        return (new RetrieveBody(text, count, filter, reranking), null);
    }

    private static (RerankingBody? Body, EmulatorError? Error) ReadReranking(JsonElement reranking)
    {
        const string Path = "retrievalConfiguration.vectorSearchConfiguration.rerankingConfiguration";
        if (reranking.ValueKind != JsonValueKind.Object || StringMember(reranking, "type") != "BEDROCK_RERANKING_MODEL")
        {
            return (null, EmulatorErrors.Validation($"{Path}.type must be BEDROCK_RERANKING_MODEL."));
        }

        if (!reranking.TryGetProperty("bedrockRerankingConfiguration", out JsonElement bedrock) || bedrock.ValueKind != JsonValueKind.Object
            || !bedrock.TryGetProperty("modelConfiguration", out JsonElement model) || model.ValueKind != JsonValueKind.Object
            || StringMember(model, "modelArn") is not { Length: > 0 and <= 2048 } modelArn)
        {
            return (null, EmulatorErrors.Validation($"{Path}.bedrockRerankingConfiguration.modelConfiguration.modelArn is required when type is BEDROCK_RERANKING_MODEL."));
        }

        int? kept = null;
        if (bedrock.TryGetProperty("numberOfRerankedResults", out JsonElement number))
        {
            if (number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out int value) || value is < 1 or > MaxNumberOfResults)
            {
                return (null, EmulatorErrors.Validation(
                    $"1 validation error detected: Value '{number.GetRawText()}' at '{Path}.bedrockRerankingConfiguration.numberOfRerankedResults' failed to satisfy constraint: Member must have value between 1 and {MaxNumberOfResults}"));
            }

            kept = value;
        }

        return (new RerankingBody(ModelIdOf(modelArn), kept), null);
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
