using System;
using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Testing;

/// <summary>One request as the emulator received it, and how it answered. Every request is recorded, refused ones too.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        string requestId,
        DateTimeOffset receivedAt,
        string operation,
        string? modelId,
        string method,
        string rawPath,
        IReadOnlyDictionary<string, string> headers,
        string body,
        string authScheme,
        IReadOnlyList<string> signedHeaders,
        bool signatureValid,
        bool accepted,
        string? systemText,
        string? userText,
        int responseStatus,
        string? errorCode,
        Wire.ConverseFeatures features)
    {
        RequestId = requestId;
        ReceivedAt = receivedAt;
        Operation = operation;
        ModelId = modelId;
        Method = method;
        RawPath = rawPath;
        Headers = headers;
        Body = body;
        AuthScheme = authScheme;
        SignedHeaders = signedHeaders;
        SignatureValid = signatureValid;
        Accepted = accepted;
        SystemText = systemText;
        UserText = userText;
        ResponseStatus = responseStatus;
        ErrorCode = errorCode;
        HasToolConfig = features.HasToolConfig;
        ForcedToolName = features.ForcedToolName;
        HasOutputConfig = features.HasOutputConfig;
        MessageCount = features.MessageCount;
        UserContent = features.UserContent;
        ToolResults = features.LastToolResults;
        ToolNames = features.Tools.Select(tool => tool.Name).ToArray();
        ToolChoice = features.ToolChoice;
    }

    /// <summary>The HTTP version the request came over, <c>HTTP/1.1</c> or <c>HTTP/2</c>.</summary>
    public string Protocol { get; internal init; } = "HTTP/1.1";

    /// <summary>The id sent back in <c>x-amzn-RequestId</c>.</summary>
    public string RequestId { get; }

    /// <summary>When the request arrived, by the real clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>
    /// The API operation the route names: <c>Converse</c>, <c>ConverseStream</c>, <c>InvokeModel</c>,
    /// <c>InvokeModelWithResponseStream</c>, <c>CountTokens</c>, or <see cref="EmulatorOperations.Unknown"/>.
    /// </summary>
    public string Operation { get; }

    /// <summary>The model id, percent-decoded from the path; null when the route has no model segment.</summary>
    public string? ModelId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path exactly as sent, still percent-encoded, without the query string.</summary>
    public string RawPath { get; }

    /// <summary>The request headers, case-insensitive; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body, decoded as UTF-8.</summary>
    public string Body { get; }

    /// <summary>One of the <see cref="AuthSchemes"/> values.</summary>
    public string AuthScheme { get; }

    /// <summary>The SignedHeaders list of a SigV4 Authorization header, as sent; empty for other schemes.</summary>
    public IReadOnlyList<string> SignedHeaders { get; }

    /// <summary>
    /// True when a SigV4 signature matches the canonical request the emulator rebuilt with the secret of the named key.
    /// This is the signature arithmetic alone: an expired but correctly signed request has a valid signature and is still refused.
    /// </summary>
    public bool SignatureValid { get; }

    /// <summary>True when the request passed authentication and validation and was answered by the script or the default reply.</summary>
    public bool Accepted { get; }

    /// <summary>The text blocks of <c>system</c>, joined with newlines; null when there are none or the body could not be read.</summary>
    public string? SystemText { get; }

    /// <summary>The text blocks of the last user message, joined with newlines; null when there are none.</summary>
    public string? UserText { get; }

    /// <summary>
    /// The HTTP status sent, or <see cref="EmulatorStatusCodes.ClientClosedRequest"/> when the client went away before the answer.
    /// </summary>
    public int ResponseStatus { get; }

    /// <summary>The error code sent in <c>x-amzn-ErrorType</c>; null on success.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when the body has a <c>toolConfig</c>; false too when the body could not be read.</summary>
    public bool HasToolConfig { get; }

    /// <summary>The tool that <c>toolChoice.tool</c> forces; null otherwise.</summary>
    public string? ForcedToolName { get; }

    /// <summary>True when the body has an <c>outputConfig</c>.</summary>
    public bool HasOutputConfig { get; }

    /// <summary>How many messages the body holds; 0 when it could not be read.</summary>
    public int MessageCount { get; }

    /// <summary>
    /// The <c>toolResult</c> blocks of the last user turn, in order (what script rules' <c>toolResultContains</c> looks
    /// at); empty on a first turn or when the body could not be read.
    /// </summary>
    public IReadOnlyList<EmulatorToolResult> ToolResults { get; }

    /// <summary>The names of the body's <c>toolSpec</c> tools, in order; empty when it has none.</summary>
    public IReadOnlyList<string> ToolNames { get; }

    /// <summary>The <c>toolChoice</c> kind: <c>auto</c>, <c>any</c> or <c>tool</c>; null when the body sets none.</summary>
    public string? ToolChoice { get; }

    /// <summary>
    /// The content blocks of the last user message in order (text, image, document, video...), with media bytes decoded;
    /// empty when the body could not be read.
    /// </summary>
    public IReadOnlyList<RecordedContentBlock> UserContent { get; }
}

/// <summary>The values of <see cref="RecordedRequest.AuthScheme"/>.</summary>
public static class AuthSchemes
{
    /// <summary>An <c>AWS4-HMAC-SHA256</c> Authorization header.</summary>
    public const string SigV4 = "SigV4";

    /// <summary>An <c>Authorization: Bearer</c> header (a Bedrock API key).</summary>
    public const string Bearer = "Bearer";

    /// <summary>No Authorization header.</summary>
    public const string None = "None";

    /// <summary>An Authorization header of any other scheme.</summary>
    public const string Unsupported = "Unsupported";
}

/// <summary>Operation names that are not real Bedrock operations.</summary>
public static class EmulatorOperations
{
    /// <summary>The route matched no Bedrock Runtime operation.</summary>
    public const string Unknown = "Unknown";
}

/// <summary>Status codes the emulator records that are not sent on the wire.</summary>
public static class EmulatorStatusCodes
{
    /// <summary>The client aborted the request before it was answered (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>A scripted fault closed the connection without a response (nginx's 444).</summary>
    public const int ConnectionDropped = 444;

    /// <summary>A scripted fault sent 200 and half of the body, then closed the connection.</summary>
    public const int TruncatedBody = 299;
}
