using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.Descriptors;
using PromptGen.Mcp;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// An MCP client's arguments (issue 23) as a tool call copies them into a descriptor's arguments object
/// (<c>PromptMcpTool.WriteArguments</c>) and as a prompt's string arguments are turned into one
/// (<c>PromptArgumentText</c>), each then rendered by the descriptor. An input is the arguments map as JSON (names to values;
/// strings in the protocol's form, other JSON values as some clients send them). Must hold: neither conversion
/// throws; the tool's always writes an object; it refuses with a message of bounded length, or writes one JSON object holding only the prompt's
/// parameters, a text parameter's string unchanged; what it writes either renders or is refused by the generated
/// parser with <see cref="PromptArgumentsException"/> (errors at <c>$</c> paths).
/// </summary>
public sealed class McpPromptArgumentsTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly PromptDescriptor Triage = IFuzzDescriptorPrompts.Descriptors.Single(d => d.MethodName == "TriageAsync");
    private static readonly PromptArgumentShape[] Shapes = PromptArgumentShapes.Of(Triage);

    // Each parameter's value as an MCP client would send it: the JSON text of a record, a number, a list; an enum's name.
    private static readonly string[][] Values =
    {
        ["""{"title":"Login fails","priority":"High","minutes":30,"tags":["auth"],"detail":{"owner":"Ada","score":0.5,"urgent":true}}""", """{"title":"x","priority":"Low","minutes":0}""", "{}", "null"],
        ["3", "-1", "2147483648", "1.5", "\"2\"", ""],
        ["""["a","b"]""", "[]", "a,b", "null"],
        ["Medium", "High", "low", "", "\"Medium\""],
    };

    private static readonly string[] Replacements =
    {
        "1e999", "-0", "null", "true", "\"x\"", "[]", "{}", "\"\\uD800\"", "\"\\u0000\"", "\"\"", new string('[', 200), "01", new string('a', 100),
    };

    public string Name => "mcp-prompt-arguments";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (int i = 0; i < Shapes.Length; i++)
            {
                if (random.Next(6) == 0)
                {
                    continue; // left out
                }

                string value = random.Next(10) == 0 ? generator.Next(random) : Values[i][random.Next(Values[i].Length)];
                byte[] bytes = Encoding.UTF8.GetBytes(value);
                for (int mutations = random.Next(0, 3); mutations > 0; mutations--)
                {
                    bytes = InvokeBodiesTarget.Mutate(random, bytes, Replacements);
                }

                writer.WritePropertyName(random.Next(40) == 0 ? Shapes[i].Name.ToUpperInvariant() : Shapes[i].Name);
                string text = Encoding.Latin1.GetString(bytes);
                if (random.Next(8) == 0 && IsJson(text))
                {
                    writer.WriteRawValue(text); // a client that sends the value itself
                }
                else
                {
                    writer.WriteStringValue(text);
                }
            }

            if (random.Next(20) == 0)
            {
                writer.WriteString(new string('k', random.Next(1, 300)), "unknown");
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void Run(string input)
    {
        List<KeyValuePair<string, JsonElement>> arguments;
        // Deeper than System.Text.Json's default 64: the SDK hands over whatever its transport read, and the code under
        // test must not depend on a bound set elsewhere.
        using (JsonDocument map = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 1024 }))
        {
            arguments = map.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone())).ToList();
        }

        // The tool side (tools/call): the arguments copied into one object, which the generated parser reads.
        string toolArguments = PromptMcpTool.WriteArguments(arguments) ?? throw new FuzzViolation("the tool refused arguments whose names are valid text");
        RenderOrRefuse(toolArguments, "tool");

        string? problem = PromptArgumentText.TryWrite(Shapes, arguments, out string json);
        if (problem is not null)
        {
            if (string.IsNullOrWhiteSpace(problem) || problem.Length > 400)
            {
                throw new FuzzViolation($"a refusal without a message or with a huge one ({problem.Length} chars)");
            }

            Count("prompt: refused by the conversion");
            return;
        }

        using (JsonDocument written = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 1024 }))
        {
            foreach (JsonProperty property in written.RootElement.EnumerateObject())
            {
                PromptArgumentShape? shape = Shapes.FirstOrDefault(s => s.Name == property.Name)
                    ?? throw new FuzzViolation($"the arguments object holds '{property.Name}', which is no parameter");
                JsonElement given = arguments.First(a => a.Key == property.Name).Value;
                if (shape.IsText && given.ValueKind == JsonValueKind.String && property.Value.GetRawText() != given.GetRawText())
                {
                    throw new FuzzViolation($"the text argument '{shape.Name}' changed on the way");
                }
            }
        }

        RenderOrRefuse(json, "prompt");
    }

    private void RenderOrRefuse(string json, string side)
    {
        try
        {
            Triage.Render(json);
            Count(side + ": rendered");
        }
        catch (PromptArgumentsException refused)
        {
            if (refused.Errors.Count == 0 || refused.Errors.Any(error => !error.Path.StartsWith('$')))
            {
                throw new FuzzViolation("a refusal by the arguments parser without errors at $ paths");
            }

            Count(side + ": refused by the arguments parser");
        }
    }

    public bool IsExpected(Exception exception) => false;

    private static bool IsJson(string text)
    {
        try
        {
            using JsonDocument _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
}
