using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

/// <summary>Where a scripted content filter stops a request (<see cref="EmulatorReply.FromContentFilter"/>).</summary>
public enum ContentFilterStage
{
    /// <summary>The prompt is refused before anything is generated.</summary>
    Prompt,

    /// <summary>The generated output (the image) is held back.</summary>
    Output,
}

public sealed partial class EmulatorReply
{
    /// <summary>The stage a content-filter reply stops at; null for other replies.</summary>
    public ContentFilterStage? ContentFilter { get; private set; }

    /// <summary>
    /// The model's content filter stops the request, answered the way each model answers it: Titan Image Generator and
    /// Nova Canvas with 400 <c>ValidationException</c> ("This request has been blocked by our content filters…", or for
    /// <see cref="ContentFilterStage.Output"/> "The generated image has been blocked by our content filters…"); Stability
    /// models with 200 and <c>finish_reasons</c> <c>Filter reason: prompt</c> or <c>Filter reason: output image</c> and no
    /// image; other InvokeModel models with the 400; Converse with an empty answer and stop reason <c>content_filtered</c>.
    /// </summary>
    public static EmulatorReply FromContentFilter(ContentFilterStage stage = ContentFilterStage.Prompt)
    {
        EmulatorReply reply = FromText(string.Empty, StopReasons.ContentFiltered);
        reply.ContentFilter = stage;
        return reply;
    }
}

public sealed partial class ScriptRuleBuilder
{
    /// <summary>Finishes the rule: the model's content filter stops the request (see <see cref="EmulatorReply.FromContentFilter"/>).</summary>
    public ScriptRule ReplyContentFiltered(ContentFilterStage stage = ContentFilterStage.Prompt) =>
        Reply(EmulatorReply.FromContentFilter(stage));
}
