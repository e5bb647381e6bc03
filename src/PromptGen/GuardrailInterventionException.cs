using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using PromptGen.Bedrock;

namespace PromptGen;

/// <summary>
/// The guardrail intervened (stop reason <c>guardrail_intervened</c>): the prompt or the answer was blocked or
/// masked, and the text Bedrock returned is the guardrail's message, not the model's answer. Generated prompt
/// methods throw this rather than return that text as if the model had answered.
/// </summary>
public sealed class GuardrailInterventionException : BedrockException
{
    private const int QuotedOutputLimit = 200;

    /// <summary>Creates the error for a response whose guardrail intervened.</summary>
    /// <param name="modelId">The model id or inference profile the call went to.</param>
    /// <param name="response">The response (for a stream, as it was reassembled); the message quotes its text and the policies that acted.</param>
    public GuardrailInterventionException(string modelId, ConverseResponse response)
        : base(FormatMessage(modelId, response))
    {
        ModelId = modelId;
        Response = response;
    }

    /// <summary>The model id or inference profile the call went to.</summary>
    public string ModelId { get; }

    /// <summary>The whole response (for a stream, as it was reassembled).</summary>
    public ConverseResponse Response { get; }

    /// <summary>The text Bedrock returned in place of the answer: the guardrail's blocked message, or the masked answer.</summary>
    public string OutputText => Response.Output?.Message?.Content is { } content
        ? string.Concat(content.Where(block => block.Text is not null).Select(block => block.Text))
        : string.Empty;

    /// <summary>
    /// What the guardrail assessed; present when the request enabled its trace (<see cref="GuardrailConfiguration.Trace"/>).
    /// </summary>
    public GuardrailTraceAssessment? Assessment => Response.Trace?.Guardrail;

    /// <summary>The tokens the call used.</summary>
    public TokenUsage? Usage => Response.Usage;

    /// <summary>
    /// Throws when <paramref name="response"/> stopped because the guardrail intervened. Used by generated code; not
    /// for direct use.
    /// </summary>
    /// <param name="modelId">The model id or inference profile the call went to.</param>
    /// <param name="response">The response to check.</param>
    /// <exception cref="GuardrailInterventionException">The stop reason is <c>guardrail_intervened</c>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ThrowIfIntervened(string modelId, ConverseResponse response)
    {
        if (response.StopReason == StopReason.GuardrailIntervened)
        {
            throw new GuardrailInterventionException(modelId, response);
        }
    }

    private static string FormatMessage(string modelId, ConverseResponse response)
    {
        string output = response.Output?.Message?.Content is { } content
            ? string.Concat(content.Where(block => block.Text is not null).Select(block => block.Text))
            : string.Empty;
        if (output.Length > QuotedOutputLimit)
        {
            output = output.Substring(0, QuotedOutputLimit) + "…";
        }

        string message = $"The guardrail intervened in the call to '{modelId}'" + (output.Length == 0 ? "." : $": \"{output}\".");
        List<string> matches = Matches(response.Trace?.Guardrail).ToList();
        return matches.Count == 0 ? message : message + " Matched: " + string.Join("; ", matches) + ".";
    }

    /// <summary>The policies that acted, in words, e.g. <c>input topic 'Investment advice' BLOCKED</c>.</summary>
    private static IEnumerable<string> Matches(GuardrailTraceAssessment? trace)
    {
        if (trace is null)
        {
            yield break;
        }

        foreach (GuardrailAssessment assessment in trace.InputAssessment?.Values ?? Enumerable.Empty<GuardrailAssessment>())
        {
            foreach (string match in Matches("input", assessment))
            {
                yield return match;
            }
        }

        foreach (GuardrailAssessment assessment in trace.OutputAssessments?.Values.SelectMany(list => list) ?? Enumerable.Empty<GuardrailAssessment>())
        {
            foreach (string match in Matches("output", assessment))
            {
                yield return match;
            }
        }
    }

    private static IEnumerable<string> Matches(string side, GuardrailAssessment assessment)
    {
        foreach (GuardrailTopic topic in assessment.TopicPolicy?.Topics ?? Enumerable.Empty<GuardrailTopic>())
        {
            yield return $"{side} topic '{topic.Name}' {topic.Action}";
        }

        foreach (GuardrailContentFilter filter in assessment.ContentPolicy?.Filters ?? Enumerable.Empty<GuardrailContentFilter>())
        {
            yield return $"{side} content filter {filter.Type} ({filter.Confidence}) {filter.Action}";
        }

        foreach (GuardrailWordMatch word in (assessment.WordPolicy?.CustomWords ?? Enumerable.Empty<GuardrailWordMatch>()).Concat(assessment.WordPolicy?.ManagedWordLists ?? Enumerable.Empty<GuardrailWordMatch>()))
        {
            yield return $"{side} word '{word.Match}' {word.Action}";
        }

        foreach (GuardrailPiiEntityFilter pii in assessment.SensitiveInformationPolicy?.PiiEntities ?? Enumerable.Empty<GuardrailPiiEntityFilter>())
        {
            // The matched value is personal information: name its type only.
            yield return $"{side} {pii.Type} {pii.Action}";
        }

        foreach (GuardrailRegexFilter regex in assessment.SensitiveInformationPolicy?.Regexes ?? Enumerable.Empty<GuardrailRegexFilter>())
        {
            yield return $"{side} pattern '{regex.Name}' {regex.Action}";
        }

        foreach (GuardrailContextualGroundingFilter grounding in assessment.ContextualGroundingPolicy?.Filters ?? Enumerable.Empty<GuardrailContextualGroundingFilter>())
        {
            yield return $"{side} {grounding.Type} score {grounding.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)} below {grounding.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} {grounding.Action}";
        }
    }
}
