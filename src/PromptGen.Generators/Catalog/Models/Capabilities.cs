using static PromptGen.Generators.Catalog.ModelCapabilities;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Capability sets that recur across the rows of the catalog.</summary>
internal static class Capabilities
{
    /// <summary>Converse, ConverseStream and a system prompt.</summary>
    public const ModelCapabilities Chat = Converse | ConverseStream | SystemPrompt;

    /// <summary>Tool use, streamed too.</summary>
    public const ModelCapabilities Tools = ToolUse | StreamingToolUse;

    /// <summary>
    /// Not covered by the features table of wire spec §7 for any model (it has no video, reasoning or structured-output
    /// column), so unconfirmed unless a row names another source.
    /// </summary>
    public const ModelCapabilities OutsideFeatureTable = Video | Reasoning | NativeStructuredOutput;

    /// <summary>
    /// §7 says to treat <c>toolChoice</c> any/tool as Claude- and Nova-only "unless a test proves otherwise": a guess for
    /// every other family.
    /// </summary>
    public const ModelCapabilities GuessedToolChoice = OutsideFeatureTable | ForcedToolChoice;

    /// <summary>A row that §7 marks † or ?, or that §7 does not list: nothing in it is confirmed.</summary>
    public const ModelCapabilities Nothing = All;
}
