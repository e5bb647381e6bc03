using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.Testing.Tests.Support;

/// <summary>Builds, signs and sends Converse requests to an emulator over real HTTP.</summary>
internal static class Converse
{
    /// <summary>A current model, called through its US inference profile as the service requires.</summary>
    public const string HaikuModel = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    /// <summary>The model of the wire spec's SigV4 test vector: there for the wire format, retired as a model.</summary>
    public const string VectorModel = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A body with one user turn and, optionally, one system block.</summary>
    public static string Body(string prompt, string? system = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (system is not null)
            {
                writer.WriteStartArray("system");
                writer.WriteStartObject();
                writer.WriteString("text", system);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteStartArray("content");
            writer.WriteStartObject();
            writer.WriteString("text", prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static HttpRequestMessage Request(Uri endpoint, string modelId, string body, string action = "converse", string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, $"/model/{Uri.EscapeDataString(modelId)}/{action}"))
        {
            Content = content,
        };
    }

    public static async Task<HttpResponseMessage> SendSignedAsync(
        BedrockEmulator emulator,
        string body,
        string modelId = HaikuModel,
        SigningOptions? signing = null,
        CancellationToken cancellationToken = default,
        string action = "converse")
    {
        using HttpRequestMessage request = Request(emulator.Endpoint, modelId, body, action);
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow, signing);
        return await Http.SendAsync(request, cancellationToken);
    }

    public static Task<HttpResponseMessage> SendPromptAsync(BedrockEmulator emulator, string prompt, string? system = null, string modelId = HaikuModel) =>
        SendSignedAsync(emulator, Body(prompt, system), modelId);

    /// <summary>Sends a prompt and returns the reply text, failing when the answer is not a 200.</summary>
    public static async Task<string> AskAsync(BedrockEmulator emulator, string prompt, string? system = null, string modelId = HaikuModel)
    {
        using HttpResponseMessage response = await SendPromptAsync(emulator, prompt, system, modelId);
        string json = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Expected 200, got {(int)response.StatusCode}: {json}");
        }

        return ReplyText(json);
    }

    /// <summary>
    /// Sends a prompt that no script rule should answer and returns the emulator's explanation, failing unless the
    /// answer is the 400 <c>UnscriptedRequestException</c> of <see cref="UnmatchedCallPolicy.FailWhenScripted"/>.
    /// </summary>
    public static async Task<string> AskUnscriptedAsync(BedrockEmulator emulator, string prompt, string? system = null, string modelId = HaikuModel)
    {
        using HttpResponseMessage response = await SendPromptAsync(emulator, prompt, system, modelId);
        Assert.Equal((HttpStatusCode.BadRequest, "UnscriptedRequestException"), (response.StatusCode, ErrorType(response)));
        return await ErrorMessageAsync(response);
    }

    public static string ReplyText(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString()!;
    }

    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("message").GetString()!;
    }

    /// <summary>The error code as clients read it: x-amzn-ErrorType up to the first ':' (spec §6).</summary>
    public static string? ErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? string.Join(",", values).Split(':')[0] : null;
}
