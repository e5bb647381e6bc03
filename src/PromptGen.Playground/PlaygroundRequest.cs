using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Playground;

/// <summary>
/// The page's request: <c>{"method":"0","arguments":{...},"model":"..."}</c>, read with JsonDocument (no reflection).
/// Only JSON bodies are accepted, so a form on another site cannot post to the playground.
/// </summary>
internal sealed record PlaygroundRequest(string? Method, string Arguments, string? Model)
{
    private const int MaxBodyBytes = 1 << 20;

    public static async Task<(PlaygroundRequest? Request, string? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, "The playground's API takes application/json.");
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, "The request is larger than 1 MiB.");
        }

        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken).ConfigureAwait(false);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request must be a JSON object.");
            }

            string? method = root.TryGetProperty("method", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            string arguments = root.TryGetProperty("arguments", out JsonElement a) ? a.GetRawText() : "{}";
            string? model = root.TryGetProperty("model", out JsonElement model_) && model_.ValueKind == JsonValueKind.String ? model_.GetString() : null;
            return (new PlaygroundRequest(method, arguments, string.IsNullOrWhiteSpace(model) ? null : model.Trim()), null);
        }
        catch (JsonException e)
        {
            return (null, "The request is not valid JSON: " + e.Message);
        }
        catch (IOException e)
        {
            return (null, "The request could not be read: " + e.Message);
        }
    }
}
