using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>The answer of a knowledge base <c>Retrieve</c> call: the results, best first.</summary>
public sealed class RetrieveResponse
{
    /// <summary>The retrieved passages in rank order (best first).</summary>
    [JsonRequired]
    public IList<KnowledgeBaseRetrievalResult> RetrievalResults { get; set; } = new List<KnowledgeBaseRetrievalResult>();

    /// <summary>Present when more results can be fetched with <see cref="RetrieveRequest.NextToken"/>.</summary>
    public string? NextToken { get; set; }

    /// <summary><c>INTERVENED</c> or <c>NONE</c> when a guardrail was applied; null otherwise.</summary>
    public string? GuardrailAction { get; set; }

    /// <summary>The <c>x-amzn-RequestId</c> of the answer (not part of the body).</summary>
    [JsonIgnore]
    public string? RequestId { get; set; }
}

/// <summary>One retrieved passage: its text, where it comes from, how well it matched, and its metadata.</summary>
public sealed class KnowledgeBaseRetrievalResult
{
    /// <summary>The passage.</summary>
    [JsonRequired]
    public RetrievalResultContent Content { get; set; } = new();

    /// <summary>The source document; null when the service gives none.</summary>
    public RetrievalResultLocation? Location { get; set; }

    /// <summary>The relevance score; higher is better. Its scale depends on the store and search type.</summary>
    public double? Score { get; set; }

    /// <summary>The chunk's metadata attributes, including Bedrock's <c>x-amz-bedrock-kb-*</c> keys.</summary>
    public IDictionary<string, JsonElement>? Metadata { get; set; }
}

/// <summary>The <c>content</c> of a retrieved passage.</summary>
public sealed class RetrievalResultContent
{
    /// <summary><c>TEXT</c>, <c>IMAGE</c>, <c>ROW</c>... null for plain text from older stores.</summary>
    public string? Type { get; set; }

    /// <summary>The passage text.</summary>
    public string? Text { get; set; }
}

/// <summary>
/// Where a passage comes from: <see cref="Type"/> says which member is set. The S3, web and custom-document
/// locations are typed; the others (Confluence, SharePoint, Salesforce, Kendra, SQL...) stay in
/// <see cref="OtherMembers"/>, so nothing the service sends is lost.
/// </summary>
public sealed class RetrievalResultLocation
{
    /// <summary><c>S3</c>, <c>WEB</c>, <c>CUSTOM</c>, <c>CONFLUENCE</c>...</summary>
    public string? Type { get; set; }

    /// <summary>The S3 object, for <c>S3</c>.</summary>
    public RetrievalResultS3Location? S3Location { get; set; }

    /// <summary>The web page, for <c>WEB</c>.</summary>
    public RetrievalResultWebLocation? WebLocation { get; set; }

    /// <summary>The document id, for <c>CUSTOM</c>.</summary>
    public RetrievalResultCustomDocumentLocation? CustomDocumentLocation { get; set; }

    /// <summary>The location members this version does not type.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? OtherMembers { get; set; }

    /// <summary>The S3 URI, web URL or custom document id, whichever is set; null for other location types.</summary>
    [JsonIgnore]
    public string? Address => S3Location?.Uri ?? WebLocation?.Url ?? CustomDocumentLocation?.Id;

    /// <inheritdoc />
    public override string ToString() => Address ?? Type ?? "";
}

/// <summary>An S3 object location.</summary>
public sealed class RetrievalResultS3Location
{
    /// <summary>The object's URI, <c>s3://bucket/key</c>.</summary>
    public string? Uri { get; set; }
}

/// <summary>A web page location.</summary>
public sealed class RetrievalResultWebLocation
{
    /// <summary>The page URL.</summary>
    public string? Url { get; set; }
}

/// <summary>A custom data source's document.</summary>
public sealed class RetrievalResultCustomDocumentLocation
{
    /// <summary>The document id given at ingestion.</summary>
    public string? Id { get; set; }
}
