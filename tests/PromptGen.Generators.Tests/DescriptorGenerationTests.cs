using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using PromptGen.Descriptors;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class DescriptorGenerationTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(DescriptorSources.Descriptors));

    [Fact]
    public void Descriptors_match_the_approved_snapshot()
    {
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        SnapshotAssert.Matches("DescriptorPrompts", Run.Value.GeneratedSource("IReplyPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Descriptors_compile_without_warnings()
    {
        Assert.Empty(Run.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Without_the_attribute_no_descriptors_are_generated()
    {
        string source = DescriptorSources.Descriptors.Replace("[PromptDescriptors]", string.Empty, StringComparison.Ordinal);
        string generated = GeneratorHarness.Run(source).GeneratedSource("IReplyPrompts.PromptClient.g.cs");

        Assert.DoesNotContain("PromptDescriptor", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_method_is_described_with_its_templates_models_settings_and_schemas()
    {
        IReadOnlyList<PromptDescriptor> descriptors = Loaded();

        Assert.Equal(new[] { "ReplyAsync", "SummarizeAsync", "SummarizeAsync", "HaikuAsync", "TagsAsync", "DescribeAsync", "LogoAsync", "EmbedAsync", "EmbedAllAsync", "PlanAsync", "ChatAsync", "ChatTypedAsync" }, descriptors.Select(d => d.MethodName));
        PromptDescriptor reply = descriptors[0];
        Assert.Equal("Demo.Descriptors.IReplyPrompts", reply.InterfaceName);
        Assert.Equal("You answer support tickets.", reply.SystemTemplate);
        Assert.Equal("Reply to {{ ticket.title }} ({{ ticket.body }}) in a {{ tone }} tone.", reply.UserTemplate);
        Assert.Equal(400, reply.Inference.MaxTokens);
        Assert.Equal(0.3, reply.Inference.Temperature);
        Assert.Equal(StructuredOutputStrategy.NativeSchema, reply.Strategy);
        Assert.Equal("Demo.Descriptors.Reply", reply.ResultTypeName);
        Assert.Equal(new[] { ("ticket", "Demo.Descriptors.Ticket", true), ("tone", "Demo.Descriptors.Tone", false) }, reply.Parameters.Select(p => (p.Name, p.TypeName, p.IsRequired)));
        using (JsonDocument schema = JsonDocument.Parse(reply.ArgumentsSchemaJson))
        {
            JsonElement properties = schema.RootElement.GetProperty("properties");
            Assert.Equal(new[] { "Friendly", "Formal" }, properties.GetProperty("tone").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(new[] { "ticket" }, schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        }

        using (JsonDocument result = JsonDocument.Parse(reply.ResultSchemaJson!))
        {
            Assert.Equal(new[] { "text", "tone", "sentences" }, result.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal(new[] { "us.amazon.nova-lite-v1:0" }, descriptors[1].FallbackModelIds);
        Assert.Null(descriptors[1].Strategy);
        Assert.Equal("string", descriptors[1].ResultTypeName);
        Assert.False(descriptors[1].Streams);
        Assert.True(descriptors[3].Streams);
        Assert.True(descriptors[4].Streams);
        Assert.False(descriptors[3].StreamsPartialResults);
        PromptDescriptor plan = descriptors.Single(d => d.MethodName == "PlanAsync");
        Assert.True(plan.Streams);
        Assert.True(plan.StreamsPartialResults);
        Assert.Equal("Demo.Descriptors.Plan", plan.ResultTypeName);
        Assert.Equal(new[] { "us.amazon.nova-lite-v1:0" }, plan.FallbackModelIds);
        Assert.Equal("Plan trips", plan.Render("""{"goal":"trips"}""").UserPrompt);
    }

    [Fact]
    public void Render_shows_the_prompts_and_the_exact_request_body_with_the_result_schema()
    {
        PromptPreview preview = Loaded()[0].Render("""{"ticket":{"title":"Login fails","body":"Since Monday","tags":["auth"]},"tone":"Formal"}""");

        Assert.Equal("You answer support tickets.", preview.SystemPrompt);
        Assert.Equal("Reply to Login fails (Since Monday) in a Formal tone.", preview.UserPrompt);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", preview.ModelId);
        using JsonDocument body = JsonDocument.Parse(preview.RequestBodyJson);
        Assert.Equal("Reply to Login fails (Since Monday) in a Formal tone.", body.RootElement.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(400, body.RootElement.GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32());
        // NativeSchema: the result's schema travels in outputConfig, as StructuredPrompt sends it.
        Assert.Contains("sentences", body.RootElement.GetProperty("outputConfig").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_uses_parameter_defaults_and_runs_scriban_templates()
    {
        Assert.Equal("Reply to T (B) in a Friendly tone.", Loaded()[0].Render("""{"ticket":{"title":"T","body":"B","tags":[]}}""").UserPrompt);
        Assert.Equal("#a #b ", Loaded()[4].Render("""{"tags":["a","b"]}""").UserPrompt);
        Assert.Equal("Summarize: x in 5 words", Loaded()[2].Render("""{"text":"x","words":5}""").UserPrompt);
    }

    [Theory]
    [InlineData("""{"ticket":{"title":"T","body":"B","tags":[]},"tone":"Angry"}""", "$.tone")]
    [InlineData("""{"tone":"Formal"}""", "$.ticket")]
    [InlineData("""{"ticket":{"title":"T","body":"B","tags":5}}""", "$.ticket.tags")]
    [InlineData("not json", "$")]
    public void Invalid_arguments_are_a_typed_error_naming_the_path(string arguments, string path)
    {
        PromptArgumentsException error = Assert.Throws<PromptArgumentsException>(() => Loaded()[0].Render(arguments));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    // The smallest PNG: a 1x1 transparent pixel.
    private const string PixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public void A_media_argument_is_read_from_format_and_base64_and_sent_as_its_block()
    {
        PromptDescriptor describe = Loaded().Single(d => d.MethodName == "DescribeAsync");
        using (JsonDocument schema = JsonDocument.Parse(describe.ArgumentsSchemaJson))
        {
            JsonElement photo = schema.RootElement.GetProperty("properties").GetProperty("photo");
            Assert.Equal("image", photo.GetProperty("x-promptgen-media").GetString());
            Assert.Contains("png", photo.GetProperty("properties").GetProperty("format").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(new[] { "audience", "photo" }, schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()).OrderBy(n => n));
            Assert.Equal("null", schema.RootElement.GetProperty("properties").GetProperty("brief").GetProperty("anyOf")[1].GetProperty("type").GetString());
        }

        Assert.Equal(new[] { ("photo", true), ("audience", true), ("brief", false) }, describe.Parameters.Select(p => (p.Name, p.IsRequired)));
        PromptPreview preview = describe.Render($$$"""{"audience":"kids","photo":{"format":"png","base64":"{{{PixelPng}}}"},"brief":{"format":"txt","name":"brief","base64":"U2hvcnQu"}}""");
        Assert.Equal("Describe the photo for kids", preview.UserPrompt);
        using (JsonDocument body = JsonDocument.Parse(preview.RequestBodyJson))
        {
            JsonElement content = body.RootElement.GetProperty("messages")[0].GetProperty("content");
            JsonElement image = content.EnumerateArray().Single(block => block.TryGetProperty("image", out _)).GetProperty("image");
            Assert.Equal("png", image.GetProperty("format").GetString());
            Assert.Equal(PixelPng, image.GetProperty("source").GetProperty("bytes").GetString());
            JsonElement document = content.EnumerateArray().Single(block => block.TryGetProperty("document", out _)).GetProperty("document");
            Assert.Equal("brief", document.GetProperty("name").GetString());
        }

        // Without the optional document: no document block.
        using (JsonDocument body = JsonDocument.Parse(describe.Render($$$"""{"audience":"kids","photo":{"format":"png","base64":"{{{PixelPng}}}"}}""").RequestBodyJson))
        {
            Assert.DoesNotContain(body.RootElement.GetProperty("messages")[0].GetProperty("content").EnumerateArray(), block => block.TryGetProperty("document", out _));
        }
    }

    [Theory]
    [InlineData("""{"audience":"kids"}""", "$.photo")]
    [InlineData("""{"audience":"kids","photo":"a.png"}""", "$.photo")]
    [InlineData("""{"audience":"kids","photo":{"format":"png","base64":"not base64!"}}""", "$.photo.base64")]
    [InlineData("""{"audience":"kids","photo":{"format":"bmp","base64":"AAAA"}}""", "$.photo.format")]
    [InlineData("""{"audience":"kids","photo":{"base64":"AAAA"}}""", "$.photo.format")]
    [InlineData("""{"audience":"kids","photo":{"format":"png","base64":"AAAA","size":3}}""", "$.photo.size")]
    [InlineData("""{"audience":"kids","photo":{"format":"png","base64":""}}""", "$.photo")]
    [InlineData("""{"audience":[1],"photo":{"format":"png","base64":"AAAA"}}""", "$.audience")]
    [InlineData("""[1]""", "$")]
    public void A_bad_media_argument_is_a_typed_error_at_its_path(string arguments, string path)
    {
        PromptDescriptor describe = Loaded().Single(d => d.MethodName == "DescribeAsync");

        PromptArgumentsException error = Assert.Throws<PromptArgumentsException>(() => describe.Render(arguments));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    [Fact]
    public void An_image_method_renders_its_prompt_and_invoke_model_body()
    {
        PromptDescriptor logo = Loaded().Single(d => d.MethodName == "LogoAsync");

        Assert.Equal("InvokeModel", logo.Operation);
        Assert.Equal("A logo for {{ brand }}", logo.UserTemplate);
        PromptPreview preview = logo.Render("""{"brand":"Acme"}""");
        Assert.Equal("A logo for Acme", preview.UserPrompt);
        using JsonDocument body = JsonDocument.Parse(preview.RequestBodyJson);
        Assert.Equal("A logo for Acme", body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("1:1", body.RootElement.GetProperty("aspect_ratio").GetString());
    }

    [Fact]
    public void A_lone_surrogate_in_the_arguments_of_a_media_method_is_a_typed_error()
    {
        PromptDescriptor describe = Loaded().Single(d => d.MethodName == "DescribeAsync");

        PromptArgumentsException error = Assert.Throws<PromptArgumentsException>(() => describe.Render("""{"audience":"\uD800","photo":{"format":"png","base64":"AAAA"}}"""));

        Assert.NotEmpty(error.Errors);
    }

    [Fact]
    public void An_embedding_method_renders_its_invoke_model_body_from_the_same_writer_its_calls_use()
    {
        PromptDescriptor embed = Loaded().Single(d => d.MethodName == "EmbedAsync");
        PromptDescriptor embedAll = Loaded().Single(d => d.MethodName == "EmbedAllAsync");

        Assert.Equal("InvokeModel", embed.Operation);
        Assert.Equal("amazon.titan-embed-text-v2:0", embed.ModelId);
        Assert.False(embed.Streams);
        PromptPreview preview = embed.Render("""{"text":"A kettle that boils fast."}""");
        Assert.Equal("A kettle that boils fast.", preview.UserPrompt);
        using (JsonDocument body = JsonDocument.Parse(preview.RequestBodyJson))
        {
            Assert.Equal("A kettle that boils fast.", body.RootElement.GetProperty("inputText").GetString());
            Assert.Equal(256, body.RootElement.GetProperty("dimensions").GetInt32());
        }

        using (JsonDocument body = JsonDocument.Parse(embedAll.Render("""{"texts":["one","two"]}""").RequestBodyJson))
        {
            Assert.Equal(new[] { "one", "two" }, body.RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("search_document", body.RootElement.GetProperty("input_type").GetString());
        }

        Assert.Contains(Assert.Throws<PromptArgumentsException>(() => embedAll.Render("""{"texts":"one"}""")).Errors, e => e.Path == "$.texts");
    }

    [Fact]
    public void The_assembly_names_a_provider_that_gives_the_same_descriptors()
    {
        PromptDescriptorsProviderAttribute named = Assert.Single(LoadedAssembly.Value.GetCustomAttributes<PromptDescriptorsProviderAttribute>());
        var provider = (IPromptDescriptorsProvider)Activator.CreateInstance(named.ProviderType)!;

        Assert.Equal("Demo.Descriptors.IReplyPrompts+DescriptorsProvider", named.ProviderType.FullName);
        Assert.Same(Loaded(), provider.Descriptors);
    }

    [Fact]
    public void A_history_is_read_from_role_and_text_turns_and_sent_before_the_user_turn()
    {
        PromptDescriptor chat = Loaded().Single(d => d.MethodName == "ChatAsync");
        Assert.Equal(new[] { ("history", "System.Collections.Generic.IReadOnlyList<PromptGen.Message>", true), ("question", "string", true) }, chat.Parameters.Select(p => (p.Name, p.TypeName, p.IsRequired)));
        using (JsonDocument schema = JsonDocument.Parse(chat.ArgumentsSchemaJson))
        {
            JsonElement history = schema.RootElement.GetProperty("properties").GetProperty("history");
            Assert.Equal("array", history.GetProperty("type").GetString());
            Assert.Equal(new[] { "user", "assistant" }, history.GetProperty("items").GetProperty("properties").GetProperty("role").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("history", schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        }

        PromptPreview preview = chat.Render("""{"history":[{"role":"user","text":"My order is late."},{"role":"assistant","text":"Which order?"}],"question":"Order 1042"}""");
        Assert.Equal("Order 1042", preview.UserPrompt);
        Assert.Equal("You answer support tickets.", preview.SystemPrompt);
        using (JsonDocument body = JsonDocument.Parse(preview.RequestBodyJson))
        {
            JsonElement[] messages = body.RootElement.GetProperty("messages").EnumerateArray().ToArray();
            Assert.Equal(new[] { "user", "assistant", "user" }, messages.Select(m => m.GetProperty("role").GetString()));
            Assert.Equal(new[] { "My order is late.", "Which order?", "Order 1042" }, messages.Select(m => m.GetProperty("content")[0].GetProperty("text").GetString()));
        }

        // An empty history is a conversation of one turn; a Microsoft.Extensions.AI history (an optional array) too.
        using (JsonDocument body = JsonDocument.Parse(chat.Render("""{"history":[],"question":"Hi"}""").RequestBodyJson))
        {
            Assert.Equal(1, body.RootElement.GetProperty("messages").GetArrayLength());
        }

        PromptDescriptor typed = Loaded().Single(d => d.MethodName == "ChatTypedAsync");
        Assert.False(typed.Parameters[0].IsRequired);
        Assert.Equal("Hi (Formal)", typed.Render("""{"question":"Hi"}""").UserPrompt);
        using (JsonDocument body = JsonDocument.Parse(typed.Render("""{"history":[{"role":"user","text":"Earlier"},{"role":"assistant","text":"Noted"}],"question":"Hi","tone":"Friendly"}""").RequestBodyJson))
        {
            Assert.Equal(new[] { "Earlier", "Noted", "Hi (Friendly)" }, body.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content")[0].GetProperty("text").GetString()));
        }
    }

    [Theory]
    [InlineData("""{"question":"q"}""", "$.history")]
    [InlineData("""{"history":{"role":"user"},"question":"q"}""", "$.history")]
    [InlineData("""{"history":[{"role":"assistant","text":"Hello"}],"question":"q"}""", "$.history[0].role")]
    [InlineData("""{"history":[{"role":"user","text":"a"},{"role":"system","text":"b"}],"question":"q"}""", "$.history[1].role")]
    [InlineData("""{"history":[{"role":"user"}],"question":"q"}""", "$.history[0].text")]
    [InlineData("""{"history":[{"role":"user","text":5}],"question":"q"}""", "$.history[0].text")]
    [InlineData("""{"history":[{"role":"user","text":"a","name":"x"}],"question":"q"}""", "$.history[0].name")]
    [InlineData("""{"history":["hi"],"question":"q"}""", "$.history[0]")]
    [InlineData("""{"history":[],"question":[1]}""", "$.question")]
    [InlineData("""{"history":[],"history":[],"question":"q"}""", "$.history")]
    [InlineData("""[]""", "$")]
    [InlineData("""not json""", "$")]
    public void A_bad_history_is_a_typed_error_at_its_path(string arguments, string path)
    {
        PromptDescriptor chat = Loaded().Single(d => d.MethodName == "ChatAsync");

        PromptArgumentsException error = Assert.Throws<PromptArgumentsException>(() => chat.Render(arguments));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    [Fact]
    public void A_nested_interface_gets_a_provider_that_no_assembly_attribute_names()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo.Nested;

            internal static partial class Desk
            {
                [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
                [PromptDescriptors]
                public partial interface IDeskPrompts
                {
                    [Prompt("Translate {{ text }}")]
                    Task<string> TranslateAsync(string text);
                }
            }
            """);
        string generated = run.GeneratedSource("IDeskPrompts.PromptClient.g.cs");

        Assert.Empty(run.CompilationDiagnostics);
        // Tools find it as the provider nested in the interface (promptgen playground's DescriptorAssemblyLoader).
        Assert.Contains("public sealed class DescriptorsProvider : global::PromptGen.Descriptors.IPromptDescriptorsProvider", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("[assembly: global::PromptGen.Descriptors.PromptDescriptorsProvider", generated, StringComparison.Ordinal);
    }

    private static IReadOnlyList<PromptDescriptor> Loaded()
    {
        Type prompts = LoadedAssembly.Value.GetType("Demo.Descriptors.IReplyPrompts", throwOnError: true)!;
        return (IReadOnlyList<PromptDescriptor>)prompts.GetProperty("Descriptors")!.GetValue(null)!;
    }

    private static readonly Lazy<Assembly> LoadedAssembly = new(() =>
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = Run.Value.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        // Its own context: other tests load their compilations (all named UserAssembly) into the default one. PromptGen
        // itself still resolves from the default context, so the descriptors are this test's PromptDescriptor type.
        return new AssemblyLoadContext("DescriptorPrompts").LoadFromStream(image);
    });
}
