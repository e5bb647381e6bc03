using System;
using System.Text;
using System.Text.Json;
using PromptGen.Prompting;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The tolerant JSON reader (<see cref="ModelJson"/>, over LenientJsonParser): never throws, and what it accepts is
/// strict JSON that reads back to itself.
/// </summary>
public sealed class ModelJsonTarget(ModelTextGenerator generator) : IFuzzTarget
{
    public string Name => "model-json";

    public string NextInput(Random random, int iteration) => generator.Next(random);

    public void Run(string input)
    {
        Check(input, wasTruncated: false);
        Check(input, wasTruncated: true);
    }

    public bool IsExpected(Exception exception) => false;

    private static void Check(string input, bool wasTruncated)
    {
        if (!ModelJson.TryNormalize(input, wasTruncated, out byte[] json, out ResultError error))
        {
            if (string.IsNullOrEmpty(error.Message) || error.Path != "$")
            {
                throw new FuzzViolation($"a refusal must say why, at $; got path '{error.Path}', message '{error.Message}'");
            }

            if (wasTruncated && error.Kind != ResultErrorKind.Truncated)
            {
                throw new FuzzViolation($"a truncated answer's refusal must be Truncated; got {error.Kind}");
            }

            return;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ModelJson.MaxDepth + 1 });
            if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                throw new FuzzViolation($"accepted a {document.RootElement.ValueKind} as the answer's JSON");
            }
        }
        catch (JsonException e)
        {
            throw new FuzzViolation($"accepted output that is not strict JSON ({e.Message}): {Encoding.UTF8.GetString(json)}");
        }

        // Strict JSON in, the same strict JSON out: normalizing is idempotent, also for output holding ``` in a
        // string (a complete value is opaque to the scan: a fence inside one of its strings is text).
        string once = Encoding.UTF8.GetString(json);
        if (!ModelJson.TryNormalize(once, false, out byte[] twice, out ResultError again))
        {
            throw new FuzzViolation($"its own output is refused ({again.Message}): {once}");
        }

        if (!json.AsSpan().SequenceEqual(twice))
        {
            throw new FuzzViolation($"not idempotent: {once} became {Encoding.UTF8.GetString(twice)}");
        }
    }
}
