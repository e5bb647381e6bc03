using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.Descriptors;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// A descriptor's arguments reader and renderer (<see cref="PromptDescriptor.Render"/>), which reads the JSON the
/// playground's page (or any tool) hands in with the generated arguments parser, and media arguments
/// (<c>{"format","base64"[,"name"]}</c>) and a conversation history (<c>[{"role","text"}]</c>) with the runtime's
/// readers; every input goes to a plain, a media and a history method. Inputs: valid arguments, mutated
/// (bits flipped, bytes inserted, deleted, cut, values swapped for other kinds), and fuzzed model JSON. Must hold:
/// only <see cref="PromptArgumentsException"/> leaves <c>Render</c>, with at least one error, each at a JSON path with
/// a message; a preview's request body is JSON whose last user text is the preview's user prompt, its roles alternating
/// from the user; the same input renders
/// the same twice.
/// </summary>
public sealed class DescriptorArgumentsTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly PromptDescriptor Triage = IFuzzDescriptorPrompts.Descriptors.Single(d => d.MethodName == "TriageAsync");

    private static readonly PromptDescriptor Look = IFuzzDescriptorPrompts.Descriptors.Single(d => d.MethodName == "LookAsync");

    private static readonly PromptDescriptor Chat = IFuzzDescriptorPrompts.Descriptors.Single(d => d.MethodName == "ChatAsync");

    // A 1x1 PNG, and a one-line text document.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private static readonly string[] Seeds =
    {
        """{"ticket":{"title":"Login fails","priority":"High","minutes":30,"tags":["auth"],"detail":{"owner":"Ada","score":0.5,"urgent":true}},"count":3,"tags":["a","b"],"floor":"Medium"}""",
        """{"ticket":{"title":"x","priority":"Low","minutes":0,"tags":null,"detail":null},"count":-1,"tags":[]}""",
        """{"count":1,"tags":["only"],"ticket":{"priority":"Medium","title":"t","minutes":10000}}""",
        """{"ticket":{"title":"T","priority":"low","minutes":"5"},"count":"2","tags":"one"}""",
        $$"""{"photo":{"format":"png","base64":"{{Png}}"},"question":"What is it?"}""",
        $$$"""{"question":"Why?","photo":{"format":"jpeg","base64":"{{{Png}}}"},"brief":{"format":"txt","name":"brief (v2)","base64":"SGVsbG8u"}}""",
        $$"""{"photo":{"format":"png","base64":"{{Png}}","name":"x"},"brief":null,"question":""}""",
        """{"photo":{"format":"gif","base64":"R0lGODlhAQABAAAAACw="},"question":"q","brief":{"format":"md","base64":""}}""",
        """{"history":[{"role":"user","text":"My order is late."},{"role":"assistant","text":"Which order?"}],"question":"Order 1042"}""",
        """{"question":"Hi","history":[]}""",
        """{"history":[{"role":"user","text":""},{"role":"user","text":"again"},{"role":"assistant","text":"ok"},{"role":"assistant","text":""}],"question":""}""",
        """{"history":[{"role":"assistant","text":"Hello"},{"role":"system","text":"x","name":1}],"question":"q"}""",
    };

    private static readonly string[] Replacements =
    {
        "1e999", "-0", "1.5", "2147483648", "null", "true", "\"x\"", "[]", "{}", "\"\\uD800\"", "\"\\u0000\"", "\"Critical\"",
        "\"\"", new string('[', 200), "\"\\x\"", "01", new string('a', 100),
        "\"png\"", "\"jpg\"", "\"pdf\"", "\"AAAA\"", "\"====\"", "\"iVBORw0KGgo\"", "{\"format\":\"png\"}",
        "\"user\"", "\"assistant\"", "{\"role\":\"user\",\"text\":\"t\"}", "[{\"role\":\"assistant\",\"text\":\"a\"}]",
    };

    public string Name => "descriptor-arguments";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        if (random.Next(8) == 0)
        {
            return generator.Next(random);
        }

        byte[] bytes = Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]);
        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            bytes = InvokeBodiesTarget.Mutate(random, bytes, Replacements);
        }

        return Encoding.Latin1.GetString(bytes);
    }

    public void Run(string input)
    {
        // Every input goes to every descriptor: the plain one, the one with media arguments, the one with a history.
        Run(Triage, input, "");
        Run(Look, input, "media ");
        Run(Chat, input, "history ");
    }

    private void Run(PromptDescriptor descriptor, string input, string label)
    {
        PromptPreview preview;
        try
        {
            preview = descriptor.Render(input);
        }
        catch (PromptArgumentsException refused)
        {
            if (refused.Errors.Count == 0)
            {
                throw new FuzzViolation("PromptArgumentsException without errors");
            }

            foreach (ResultError error in refused.Errors)
            {
                if (!error.Path.StartsWith('$') || string.IsNullOrWhiteSpace(error.Message))
                {
                    throw new FuzzViolation($"an argument error without a path or message: '{error.Path}': '{error.Message}'");
                }
            }

            Count(label + "refused");
            return;
        }

        using (JsonDocument body = JsonDocument.Parse(preview.RequestBodyJson))
        {
            // The rendered user turn is the last message (after a history, which may share it when it ends with the user).
            JsonElement[] messages = body.RootElement.GetProperty("messages").EnumerateArray().ToArray();
            JsonElement[] content = messages[^1].GetProperty("content").EnumerateArray().ToArray();
            string? text = content.Last(block => block.TryGetProperty("text", out _)).GetProperty("text").GetString();
            if (!string.Equals(text, preview.UserPrompt, StringComparison.Ordinal))
            {
                throw new FuzzViolation($"the body's user text '{text}' is not the preview's '{preview.UserPrompt}'");
            }

            // Bedrock's rule the history reader and ConversationHistory keep: roles alternate, starting with the user.
            for (int i = 0; i < messages.Length; i++)
            {
                if (messages[i].GetProperty("role").GetString() != (i % 2 == 0 ? "user" : "assistant"))
                {
                    throw new FuzzViolation($"message {i} of {messages.Length} has role '{messages[i].GetProperty("role").GetString()}': roles must alternate from the user");
                }
            }

            // A rendered media method sends its required image, with bytes.
            if (descriptor == Look && !content.Any(block => block.TryGetProperty("image", out JsonElement image) && image.GetProperty("source").GetProperty("bytes").GetString() is { Length: > 0 }))
            {
                throw new FuzzViolation("a rendered media method's body has no image with bytes");
            }
        }

        PromptPreview again = descriptor.Render(input);
        if (again != preview)
        {
            throw new FuzzViolation("the same arguments rendered differently twice");
        }

        Count(label + "rendered");
    }

    public bool IsExpected(Exception exception) => exception is PromptArgumentsException;

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
}
