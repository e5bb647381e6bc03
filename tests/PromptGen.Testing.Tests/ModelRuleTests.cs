using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>With the catalog, the emulator refuses what the real service refuses for a given model.</summary>
public sealed class ModelRuleTests
{
    private const string Hi = """{"role":"user","content":[{"text":"Hi"}]}""";
    private const string Tools = """ "toolConfig":{"tools":[{"toolSpec":{"name":"lookup","inputSchema":{"json":{"type":"object"}}}}] """;

    public static TheoryData<string, string, string> Refused => new()
    {
        { "anthropic.claude-haiku-4-5-20251001-v1:0", WithHi(string.Empty),
            "Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model." },
        { "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0", WithHi(string.Empty),
            "with on-demand throughput isn't supported" },
        { "amazon.titan-text-express-v1", WithHi(""","system":[{"text":"be terse"}]"""),
            "This model doesn't support system messages." },
        { "amazon.titan-text-express-v1", WithHi("," + Tools + "}"),
            "This model doesn't support tool use." },
        { "meta.llama3-1-70b-instruct-v1:0", WithHi("," + Tools + ""","toolChoice":{"any":{}}}"""),
            "This model doesn't support toolConfig.toolChoice.any." },
        { "us.amazon.nova-lite-v1:0", WithHi(""","outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":"{\"type\":\"object\"}"}}}}"""),
            "This model doesn't support outputConfig.textFormat (structured output)." },
        { "amazon.nova-micro-v1:0", """{"messages":[{"role":"user","content":[{"text":"see"},{"image":{"format":"png","source":{"bytes":"AA=="}}}]}]}""",
            "This model doesn't support image content blocks." },
        { "amazon.nova-micro-v1:0", """{"messages":[{"role":"user","content":[{"text":"read"},{"document":{"format":"txt","name":"a","source":{"bytes":"AA=="}}}]}]}""",
            "This model doesn't support document content blocks." },
        { "anthropic.claude-3-opus-20240229-v1:0", WithHi(""","inferenceConfig":{"maxTokens":4097}"""),
            "The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096." },
        { "us.amazon.nova-pro-v1:0", WithHi(""","additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":2048}}"""),
            "This model doesn't support additionalModelRequestFields.thinking (extended thinking)." },
        { "us.anthropic.claude-sonnet-4-5-20250929-v1:0", WithHi(""","additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":512}}"""),
            "thinking.budget_tokens: Input should be greater than or equal to 1024" },
        { "us.anthropic.claude-sonnet-4-5-20250929-v1:0", WithHi(""","inferenceConfig":{"maxTokens":2048},"additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":2048}}"""),
            "`max_tokens` must be greater than `thinking.budget_tokens`" },
    };

    private static string WithHi(string members) => """{"messages":[""" + Hi + "]" + members + "}";

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Request_the_model_cannot_serve_is_a_validation_exception(string modelId, string body, string expectedMessage)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body, modelId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Converse.ErrorType(response));
        Assert.Contains(expectedMessage, await Converse.ErrorMessageAsync(response), System.StringComparison.Ordinal);
        Assert.False(Assert.Single(emulator.Requests).Accepted);
    }

    [Theory]
    [InlineData("us.anthropic.claude-3-5-haiku-20241022-v1:0")]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("cohere.command-r-plus-v1:0")]
    public async Task End_of_life_model_is_not_found(string modelId)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi", modelId: modelId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", Converse.ErrorType(response));
        Assert.StartsWith("This model version has reached the end of its life.", await Converse.ErrorMessageAsync(response), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("global.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-opus-4-5-20251101-v1:0")]
    public async Task Profiles_take_every_feature_their_model_has(string modelId)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, EveryFeatureBody, modelId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(UnknownModel, "converse")]
    [InlineData(UnknownModel, "converse-stream")]
    [InlineData(UnknownModel, "invoke")]
    [InlineData(ApplicationProfileArn, "converse")]
    [InlineData("us.anthropic.claude-opus-9-20300101-v1:0", "converse")]
    public async Task Unknown_models_and_opaque_arns_are_refused_as_Bedrock_refuses_them(string modelId, string action)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, """{"messages":[{"role":"user","content":[{"text":"hi"}]}]}""", modelId, action: action);

        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (response.StatusCode, Converse.ErrorType(response)));
        Assert.Equal("The provided model identifier is invalid.", await Converse.ErrorMessageAsync(response));
        Assert.False(Assert.Single(emulator.Requests).Accepted);
    }

    [Theory]
    [InlineData(UnknownModel, true)]
    [InlineData(UnknownModel, false)]
    [InlineData(ApplicationProfileArn, true)]
    [InlineData(ApplicationProfileArn, false)]
    public async Task Unknown_models_and_opaque_arns_take_every_feature_once_allowed(string modelId, bool allowAll)
    {
        var options = new BedrockEmulatorOptions { AllowUnknownModels = allowAll };
        if (!allowAll)
        {
            options.AdditionalModelIds.Add(modelId);
        }

        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(options);

        using HttpResponseMessage allowed = await Converse.SendSignedAsync(emulator, EveryFeatureBody, modelId);
        using HttpResponseMessage other = await Converse.SendSignedAsync(emulator, EveryFeatureBody, "acme.another-model-v1:0");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(allowAll ? HttpStatusCode.OK : HttpStatusCode.BadRequest, other.StatusCode);
    }

    private const string UnknownModel = "acme.model-from-next-year-v1:0";
    private const string ApplicationProfileArn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";

    private static readonly string EveryFeatureBody =
        """{"system":[{"text":"s"}],"messages":[{"role":"user","content":[{"text":"x"},{"image":{"format":"png","source":{"bytes":"AA=="}}}]}],"""
        + Tools + ""","toolChoice":{"tool":{"name":"lookup"}}},"inferenceConfig":{"maxTokens":64000},"""
        + """ "outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":"{\"type\":\"object\"}"}}}}} """;

    [Fact]
    public async Task Claude_thinking_within_its_rules_is_accepted_and_disabled_thinking_is_not_judged()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage thinking = await Converse.SendSignedAsync(emulator,
            WithHi(""","inferenceConfig":{"maxTokens":4096},"additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":2048}}"""),
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        using HttpResponseMessage disabled = await Converse.SendSignedAsync(emulator,
            WithHi(""","additionalModelRequestFields":{"thinking":{"type":"disabled"}}"""), "us.amazon.nova-pro-v1:0");

        Assert.Equal(HttpStatusCode.OK, thinking.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
    }

    [Fact]
    public async Task Max_tokens_at_the_limit_is_accepted()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(
            emulator, WithHi(""","inferenceConfig":{"maxTokens":4096}"""), "anthropic.claude-3-opus-20240229-v1:0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Enforcement_can_be_turned_off()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { EnforceModelCapabilities = false });

        using HttpResponseMessage retired = await Converse.SendPromptAsync(emulator, "hi", modelId: "anthropic.claude-3-haiku-20240307-v1:0");
        using HttpResponseMessage system = await Converse.SendPromptAsync(emulator, "hi", system: "terse", modelId: "amazon.titan-text-express-v1");
        using HttpResponseMessage onDemand = await Converse.SendPromptAsync(emulator, "hi", modelId: "anthropic.claude-haiku-4-5-20251001-v1:0");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (retired.StatusCode, system.StatusCode, onDemand.StatusCode));
    }

    [Fact]
    public async Task Shape_errors_come_before_model_rules()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, "{}", "anthropic.claude-3-haiku-20240307-v1:0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'messages'", await Converse.ErrorMessageAsync(response), System.StringComparison.Ordinal);
    }
}
