using System;

namespace PromptGen.Testing.Hosting.Batch;

/// <summary>An S3 error: its code, HTTP status and message, written as S3's XML <c>&lt;Error&gt;</c> document.</summary>
internal sealed record S3Error(string Code, int Status, string Message, string? Resource = null);

/// <summary>Raised inside the S3 handler to answer with an error.</summary>
internal sealed class S3Exception : Exception
{
    public S3Exception(S3Error error)
        : base(error.Message)
    {
        Error = error;
    }

    public S3Error Error { get; }
}

/// <summary>
/// The S3 errors the subset answers with, codes and statuses as S3 documents them.
/// Source: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
/// </summary>
internal static class S3Errors
{
    public static S3Error NoSuchBucket(string bucket) => new("NoSuchBucket", 404, "The specified bucket does not exist", bucket);

    public static S3Error NoSuchKey(string key) => new("NoSuchKey", 404, "The specified key does not exist.", key);

    public static S3Error NoSuchUpload(string uploadId) => new("NoSuchUpload", 404, "The specified multipart upload does not exist.", uploadId);

    public static S3Error BucketAlreadyOwnedByYou(string bucket) => new("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.", bucket);

    public static S3Error InvalidPart(string message) => new("InvalidPart", 400, message);

    public static S3Error SlowDown() => new("SlowDown", 503, "Please reduce your request rate.");

    public static S3Error AccessDenied(string message) => new("AccessDenied", 403, message);

    public static S3Error NotImplemented(string what) => new("NotImplemented", 501, $"The emulator's S3 subset does not implement {what}.");

    public static S3Error InvalidRange() => new("InvalidRange", 416, "The requested range is not satisfiable");
}
