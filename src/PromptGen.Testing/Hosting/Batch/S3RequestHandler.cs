using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Testing.Hosting.Batch;

/// <summary>
/// The S3 subset, path-style (<c>/{bucket}/{key}</c>): CreateBucket, HeadBucket, PutObject, GetObject (with a byte
/// range), HeadObject, DeleteObject, ListObjectsV2, and multipart upload (create, upload part, complete, abort);
/// errors as S3's XML. Requests must carry a SigV4 <c>Authorization</c> for service <c>s3</c> with a known access
/// key; unlike the Bedrock operations, the signature itself is not recomputed (S3's streaming and unsigned-payload
/// variants are out of this emulator's scope).
/// Source: https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
/// </summary>
internal sealed class S3RequestHandler
{
    private static readonly XNamespace S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly S3ObjectStore _store;
    private readonly EmulatorBatch _batch;
    private readonly IReadOnlySet<string> _accessKeys;

    public S3RequestHandler(S3ObjectStore store, EmulatorBatch batch, IReadOnlySet<string> accessKeys)
    {
        _store = store;
        _batch = batch;
        _accessKeys = accessKeys;
    }

    /// <summary>Whether a request is for S3: signed for service <c>s3</c> (header or presigned query).</summary>
    public static bool IsS3(HttpRequest request, string rawQuery)
    {
        string authorization = request.Headers.Authorization.ToString();
        return authorization.Contains("/s3/aws4_request", StringComparison.Ordinal)
            || rawQuery.Contains("%2Fs3%2Faws4_request", StringComparison.OrdinalIgnoreCase);
    }

    public async Task HandleAsync(HttpContext context, string rawPath, string rawQuery, string requestId, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        response.Headers["x-amz-request-id"] = requestId;
        try
        {
            CheckAccessKey(context.Request, rawQuery);
            if (_batch.TakeS3SlowDown())
            {
                throw new S3Exception(S3Errors.SlowDown());
            }

            Dictionary<string, string> query = ParseQuery(rawQuery);
            string path = rawPath.TrimStart('/');
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            string bucket = Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
            string key = slash < 0 ? string.Empty : Uri.UnescapeDataString(path[(slash + 1)..]);
            if (bucket.Length == 0)
            {
                throw new S3Exception(S3Errors.NotImplemented("ListBuckets"));
            }

            string method = context.Request.Method;
            if (key.Length == 0)
            {
                await HandleBucketAsync(context, method, bucket, query);
                return;
            }

            switch (method)
            {
                case "PUT" when query.TryGetValue("uploadId", out string? uploadId):
                    await UploadPartAsync(context, uploadId, query, aborted);
                    break;
                case "PUT":
                    byte[] data = await ReadBodyAsync(context.Request, aborted);
                    S3StoredObject stored = _store.Put(bucket, key, data);
                    response.Headers.ETag = stored.ETag;
                    response.StatusCode = StatusCodes.Status200OK;
                    break;
                case "GET":
                case "HEAD":
                    await GetObjectAsync(context, bucket, key, method == "HEAD");
                    break;
                case "DELETE" when query.TryGetValue("uploadId", out string? abortId):
                    _store.EndUpload(abortId);
                    response.StatusCode = StatusCodes.Status204NoContent;
                    break;
                case "DELETE":
                    _store.Delete(bucket, key);
                    response.StatusCode = StatusCodes.Status204NoContent;
                    break;
                case "POST" when query.ContainsKey("uploads"):
                    string newId = _store.StartUpload(bucket, key);
                    await WriteXmlAsync(response, new XElement(S3Namespace + "InitiateMultipartUploadResult",
                        new XElement(S3Namespace + "Bucket", bucket),
                        new XElement(S3Namespace + "Key", key),
                        new XElement(S3Namespace + "UploadId", newId)));
                    break;
                case "POST" when query.TryGetValue("uploadId", out string? completeId):
                    await CompleteUploadAsync(context, bucket, key, completeId, aborted);
                    break;
                default:
                    throw new S3Exception(S3Errors.NotImplemented($"{method} on an object"));
            }
        }
        catch (S3Exception e) when (!response.HasStarted)
        {
            await WriteErrorAsync(response, e.Error, requestId, context.Request.Method == "HEAD");
        }
    }

    private void CheckAccessKey(HttpRequest request, string rawQuery)
    {
        string authorization = request.Headers.Authorization.ToString();
        string? credential = null;
        int start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start >= 0)
        {
            credential = authorization[(start + "Credential=".Length)..];
        }
        else if (ParseQuery(rawQuery).TryGetValue("X-Amz-Credential", out string? presigned))
        {
            credential = presigned;
        }

        string? accessKey = credential?.Split('/')[0];
        if (accessKey is null || !_accessKeys.Contains(accessKey))
        {
            throw new S3Exception(new S3Error("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records."));
        }
    }

    private async Task HandleBucketAsync(HttpContext context, string method, string bucket, Dictionary<string, string> query)
    {
        HttpResponse response = context.Response;
        switch (method)
        {
            case "PUT":
                if (!_store.CreateBucket(bucket))
                {
                    throw new S3Exception(S3Errors.BucketAlreadyOwnedByYou(bucket));
                }

                response.Headers.Location = "/" + bucket;
                response.StatusCode = StatusCodes.Status200OK;
                return;
            case "HEAD":
                response.StatusCode = _store.BucketExists(bucket) ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
                return;
            case "GET" when query.TryGetValue("list-type", out string? listType) && listType == "2":
                await ListAsync(response, bucket, query);
                return;
            case "GET" when query.ContainsKey("location"):
                await WriteXmlAsync(response, new XElement(S3Namespace + "LocationConstraint"));
                return;
            default:
                throw new S3Exception(S3Errors.NotImplemented($"{method} on a bucket{(query.Count == 0 ? string.Empty : " with ?" + string.Join("&", query.Keys))}"));
        }
    }

    private async Task ListAsync(HttpResponse response, string bucket, Dictionary<string, string> query)
    {
        string prefix = query.GetValueOrDefault("prefix") ?? string.Empty;
        int maxKeys = int.TryParse(query.GetValueOrDefault("max-keys"), NumberStyles.None, CultureInfo.InvariantCulture, out int max) ? Math.Clamp(max, 0, 1000) : 1000;
        string? after = query.GetValueOrDefault("continuation-token") ?? query.GetValueOrDefault("start-after");
        List<KeyValuePair<string, S3StoredObject>> keys = _store.List(bucket, prefix, after);
        bool truncated = keys.Count > maxKeys;
        List<KeyValuePair<string, S3StoredObject>> page = keys.Take(maxKeys).ToList();
        var result = new XElement(S3Namespace + "ListBucketResult",
            new XElement(S3Namespace + "Name", bucket),
            new XElement(S3Namespace + "Prefix", prefix),
            new XElement(S3Namespace + "KeyCount", page.Count),
            new XElement(S3Namespace + "MaxKeys", maxKeys),
            new XElement(S3Namespace + "IsTruncated", truncated ? "true" : "false"));
        if (query.TryGetValue("continuation-token", out string? token))
        {
            result.Add(new XElement(S3Namespace + "ContinuationToken", token));
        }

        if (truncated)
        {
            // The last key listed is the token: keys are listed in order, so the next page starts after it.
            result.Add(new XElement(S3Namespace + "NextContinuationToken", page[^1].Key));
        }

        foreach (KeyValuePair<string, S3StoredObject> entry in page)
        {
            result.Add(new XElement(S3Namespace + "Contents",
                new XElement(S3Namespace + "Key", entry.Key),
                new XElement(S3Namespace + "LastModified", entry.Value.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                new XElement(S3Namespace + "ETag", entry.Value.ETag),
                new XElement(S3Namespace + "Size", entry.Value.Data.LongLength),
                new XElement(S3Namespace + "StorageClass", "STANDARD")));
        }

        await WriteXmlAsync(response, result);
    }

    private async Task GetObjectAsync(HttpContext context, string bucket, string key, bool headOnly)
    {
        if (!_store.BucketExists(bucket))
        {
            throw new S3Exception(S3Errors.NoSuchBucket(bucket));
        }

        S3StoredObject stored = _store.Get(bucket, key) ?? throw new S3Exception(S3Errors.NoSuchKey(key));
        HttpResponse response = context.Response;
        response.Headers.ETag = stored.ETag;
        response.Headers.LastModified = stored.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = "application/octet-stream";
        (int offset, int length) = (0, stored.Data.Length);
        string range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            string[] bounds = range["bytes=".Length..].Split('-');
            if (bounds.Length != 2 || !long.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out long first) || first >= stored.Data.Length)
            {
                throw new S3Exception(S3Errors.InvalidRange());
            }

            long last = bounds[1].Length == 0 || !long.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out long end)
                ? stored.Data.Length - 1
                : Math.Min(end, stored.Data.Length - 1);
            (offset, length) = ((int)first, (int)(last - first + 1));
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {first}-{last}/{stored.Data.Length}";
        }

        response.ContentLength = length;
        if (!headOnly)
        {
            await response.Body.WriteAsync(stored.Data.AsMemory(offset, length));
        }
    }

    private async Task UploadPartAsync(HttpContext context, string uploadId, Dictionary<string, string> query, CancellationToken aborted)
    {
        MultipartUpload upload = _store.Upload(uploadId) ?? throw new S3Exception(S3Errors.NoSuchUpload(uploadId));
        if (!int.TryParse(query.GetValueOrDefault("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out int partNumber) || partNumber is < 1 or > 10000)
        {
            throw new S3Exception(new S3Error("InvalidArgument", 400, "Part number must be an integer between 1 and 10000, inclusive."));
        }

        byte[] data = await ReadBodyAsync(context.Request, aborted);
        string etag = "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(data)).ToLowerInvariant() + "\"";
        upload.Parts[partNumber] = (data, etag);
        context.Response.Headers.ETag = etag;
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task CompleteUploadAsync(HttpContext context, string bucket, string key, string uploadId, CancellationToken aborted)
    {
        MultipartUpload upload = _store.Upload(uploadId) ?? throw new S3Exception(S3Errors.NoSuchUpload(uploadId));
        byte[] body = await ReadBodyAsync(context.Request, aborted);
        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(body));
        }
        catch (System.Xml.XmlException e)
        {
            throw new S3Exception(new S3Error("MalformedXML", 400, "The XML you provided was not well-formed: " + e.Message));
        }

        using var joined = new MemoryStream();
        int previous = 0;
        foreach (XElement part in document.Root!.Elements().Where(element => element.Name.LocalName == "Part"))
        {
            string? numberText = part.Elements().FirstOrDefault(element => element.Name.LocalName == "PartNumber")?.Value;
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number <= previous
                || !upload.Parts.TryGetValue(number, out var stored))
            {
                throw new S3Exception(S3Errors.InvalidPart($"Part {numberText} was not uploaded, or the parts are not in ascending order."));
            }

            previous = number;
            joined.Write(stored.Data);
        }

        S3StoredObject result = _store.Put(bucket, key, joined.ToArray());
        _store.EndUpload(uploadId);
        await WriteXmlAsync(context.Response, new XElement(S3Namespace + "CompleteMultipartUploadResult",
            new XElement(S3Namespace + "Location", $"/{bucket}/{key}"),
            new XElement(S3Namespace + "Bucket", bucket),
            new XElement(S3Namespace + "Key", key),
            new XElement(S3Namespace + "ETag", result.ETag)));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        byte[] body = buffer.ToArray();
        return AwsChunkedBody.IsChunked(request.Headers["x-amz-content-sha256"].ToString(), request.Headers.ContentEncoding.ToString())
            ? AwsChunkedBody.Decode(body)
            : body;
    }

    private static Dictionary<string, string> ParseQuery(string rawQuery)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            query[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return query;
    }

    private static async Task WriteXmlAsync(HttpResponse response, XElement root)
    {
        byte[] payload = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting));
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/xml";
        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload);
    }

    private static async Task WriteErrorAsync(HttpResponse response, S3Error error, string requestId, bool headOnly)
    {
        response.StatusCode = error.Status;
        if (headOnly)
        {
            // HEAD answers carry no body; the SDKs read the status alone.
            return;
        }

        var root = new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message));
        if (error.Resource is not null)
        {
            root.Add(new XElement("Resource", error.Resource));
        }

        root.Add(new XElement("RequestId", requestId));
        byte[] payload = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting));
        response.ContentType = "application/xml";
        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload);
    }
}
