using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Batch;

/// <summary>
/// The control plane's model lists, for <c>promptgen models refresh</c>: ListFoundationModels
/// (<c>GET /foundation-models</c>) and ListInferenceProfiles (<c>GET /inference-profiles</c>, every page), sent through
/// the runtime client's control-plane path (its signer with signing name <c>bedrock</c>, retries, errors and size bound)
/// like <see cref="BedrockBatchClient"/>'s calls. Each returns the response JSON as the AWS CLI prints it
/// (<c>aws bedrock list-foundation-models</c> / <c>list-inference-profiles</c>), so a refresh reads saved CLI output and
/// a live answer the same way.
/// Sources: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html,
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListInferenceProfiles.html.
/// </summary>
internal static class BedrockModelLists
{
    /// <summary>The most pages of inference profiles read before the listing is called endless (1,000 profiles a page).</summary>
    private const int MaxPages = 100;

    public static Task<string> ListFoundationModelsAsync(BedrockRuntimeClient runtime, Uri? controlPlaneEndpoint, CancellationToken cancellationToken) =>
        runtime.SendControlPlaneAsync(HttpMethod.Get, Operation(runtime, controlPlaneEndpoint, "foundation-models"), null, static (body, _) => Encoding.UTF8.GetString(body), cancellationToken);

    /// <summary>Every page, joined into one <c>inferenceProfileSummaries</c> array.</summary>
    public static async Task<string> ListInferenceProfilesAsync(BedrockRuntimeClient runtime, Uri? controlPlaneEndpoint, CancellationToken cancellationToken)
    {
        var summaries = new JsonArray();
        string? nextToken = null;
        for (int page = 0; page < MaxPages; page++)
        {
            string path = "inference-profiles?maxResults=1000" + (nextToken is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(nextToken));
            string json = await runtime.SendControlPlaneAsync(HttpMethod.Get, Operation(runtime, controlPlaneEndpoint, path), null, static (body, _) => Encoding.UTF8.GetString(body), cancellationToken)
                .ConfigureAwait(false);
            JsonObject answer = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("ListInferenceProfiles answered with something other than a JSON object.");
            if (answer["inferenceProfileSummaries"] is JsonArray items)
            {
                foreach (JsonNode? item in items)
                {
                    summaries.Add(item?.DeepClone());
                }
            }

            nextToken = (string?)answer["nextToken"];
            if (string.IsNullOrEmpty(nextToken))
            {
                return new JsonObject { ["inferenceProfileSummaries"] = summaries }.ToJsonString();
            }
        }

        throw new JsonException($"ListInferenceProfiles still had more pages after {MaxPages}.");
    }

    private static Uri Operation(BedrockRuntimeClient runtime, Uri? controlPlaneEndpoint, string pathAndQuery)
    {
        Uri endpoint = controlPlaneEndpoint ?? BedrockBatchClient.ControlPlaneEndpoint(runtime.Endpoint);
        string basePath = endpoint.AbsoluteUri.EndsWith('/') ? endpoint.AbsoluteUri : endpoint.AbsoluteUri + "/";
        return new Uri(basePath + pathAndQuery, UriKind.Absolute);
    }
}
