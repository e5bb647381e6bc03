namespace PromptGen.Batch;

/// <summary>
/// What <c>CreateModelInvocationJob</c> needs. The S3 configurations are flattened to their URIs; the input format is
/// always JSONL. Source: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelInvocationJob.html
/// </summary>
public sealed class CreateModelInvocationJobRequest
{
    /// <summary>The job's name: 1 to 63 characters, letters, digits and <c>-+.</c>.</summary>
    public required string JobName { get; init; }

    /// <summary>The service role Bedrock assumes to read the input and write the output.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The model or inference profile id.</summary>
    public required string ModelId { get; init; }

    /// <summary>The S3 folder (or single file) holding the input <c>.jsonl</c> files.</summary>
    public required string InputS3Uri { get; init; }

    /// <summary>The S3 folder the output goes to.</summary>
    public required string OutputS3Uri { get; init; }

    /// <summary>
    /// Makes the call idempotent: a second create with the same token returns the first job instead of a new one.
    /// Letters, digits and '-', up to 256 characters.
    /// </summary>
    public string? ClientRequestToken { get; init; }

    /// <summary><c>Converse</c> (what PromptGen writes) or <c>InvokeModel</c> (the service's default).</summary>
    public string? ModelInvocationType { get; init; } = "Converse";

    /// <summary>Hours after which the service ends the job (24 to 168); null for the service's default.</summary>
    public int? TimeoutDurationInHours { get; init; }
}
