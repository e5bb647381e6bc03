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
/// (<c>{"format","base64"[,"name"]}</c>) with the runtime's reader; every input goes to a plain and a media method. Inputs: valid arguments, mutated
/// (bits flipped, bytes inserted, deleted, cut, values swapped for other kinds), and fuzzed model JSON. Must hold:
/// only <see cref="PromptArgumentsException"/> leaves <c>Render</c>, with at least one error, each at a JSON path with
/// a message; a preview's request body is JSON whose user text is the preview's user prompt; the same input renders
/// the same twice.
/// </summary>
public sealed class DescriptorArgumentsTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly PromptDescriptor Triage = IFuzzDescriptorPrompts.Descriptors.Single(d => d.MethodName == "TriageAsync");

    private static readonly PromptDescriptor Look = IFuzzDescriptorPrompts.Descriptors.Single(d => d.MethodName == "LookAsync");

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
    };

    private static readonly string[] Replacements =
    {
        "1e999", "-0", "1.5", "2147483648", "null", "true", "\"x\"", "[]", "{}", "\"\\uD800\"", "\"\\u0000\"", "\"Critical\"",
        "\"\"", new string('[', 200), "\"\\x\"", "01", new string('a', 100),
        "\"png\"", "\"jpg\"", "\"pdf\"", "\"AAAA\"", "\"====\"", "\"iVBORw0KGgo\"", "{\"format\":\"png\"}",
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
        // Every input goes to both descriptors: the plain one and the one with media arguments.
        Run(Triage, input, "");
        Run(Look, input, "media ");
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
            JsonElement[] content = body.RootElement.GetProperty("messages")[0].GetProperty("content").EnumerateArray().ToArray();
            string? text = content.Single(block => block.TryGetProperty("text", out _)).GetProperty("text").GetString();
            if (!string.Equals(text, preview.UserPrompt, StringComparison.Ordinal))
            {
                throw new FuzzViolation($"the body's user text '{text}' is not the preview's '{preview.UserPrompt}'");
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
