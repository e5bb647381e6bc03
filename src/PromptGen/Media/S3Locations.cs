using System;
using PromptGen.Bedrock;

namespace PromptGen.Media;

internal static class S3Locations
{
    public static S3Location Create(string uri, string? bucketOwner)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        if (!uri.StartsWith("s3://", StringComparison.Ordinal) || uri.Length <= "s3://".Length || uri.IndexOf('/', "s3://".Length) < 0)
        {
            throw new PromptMediaException($"'{uri}' is not an S3 object URI; write s3://bucket/key.", nameof(uri));
        }

        if (bucketOwner is not null && (bucketOwner.Length != 12 || !IsDigits(bucketOwner)))
        {
            throw new PromptMediaException("A bucket owner is a 12-digit AWS account id.", nameof(bucketOwner));
        }

        return new S3Location { Uri = uri, BucketOwner = bucketOwner };
    }

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
