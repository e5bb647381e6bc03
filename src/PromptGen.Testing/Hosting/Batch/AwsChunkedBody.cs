using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace PromptGen.Testing.Hosting.Batch;

/// <summary>
/// Decodes S3's <c>aws-chunked</c> content encoding, which the AWS SDKs use to stream a body with a trailing checksum
/// (<c>x-amz-content-sha256: STREAMING-...</c>): <c>{hex size}[;chunk-signature=...]\r\n{bytes}\r\n</c> repeated,
/// then a zero-size chunk and the trailers. The chunk signatures and trailing checksums are not verified.
/// Source: https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
/// </summary>
internal static class AwsChunkedBody
{
    public static bool IsChunked(string? contentSha256, string? contentEncoding) =>
        (contentSha256?.StartsWith("STREAMING-", StringComparison.Ordinal) ?? false)
        || (contentEncoding?.Contains("aws-chunked", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <exception cref="S3Exception">The body is not well-formed aws-chunked data.</exception>
    public static byte[] Decode(byte[] body)
    {
        using var decoded = new MemoryStream(body.Length);
        int position = 0;
        while (true)
        {
            int lineEnd = IndexOfCrLf(body, position);
            if (lineEnd < 0)
            {
                throw Malformed("a chunk header without its line end");
            }

            string header = Encoding.ASCII.GetString(body, position, lineEnd - position);
            int semicolon = header.IndexOf(';', StringComparison.Ordinal);
            string sizeText = semicolon < 0 ? header : header[..semicolon];
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0)
            {
                throw Malformed($"a chunk size that is not hexadecimal ('{sizeText}')");
            }

            position = lineEnd + 2;
            if (size == 0)
            {
                return decoded.ToArray();
            }

            if (position + size + 2 > body.Length || body[position + size] != '\r' || body[position + size + 1] != '\n')
            {
                throw Malformed("a chunk shorter than its size");
            }

            decoded.Write(body, position, size);
            position += size + 2;
        }
    }

    private static int IndexOfCrLf(byte[] body, int start)
    {
        for (int i = start; i + 1 < body.Length; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static S3Exception Malformed(string what) =>
        new(new S3Error("IncompleteBody", 400, $"The aws-chunked request body is malformed: {what}."));
}
