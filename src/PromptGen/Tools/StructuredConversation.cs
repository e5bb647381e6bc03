using System.Collections.Generic;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;

namespace PromptGen.Tools;

/// <summary>
/// The conversation of a typed prompt that may call tools and may fall back to other models: the request shaped for
/// the result's strategy, the tools offered beside the result tool, and the turns added since (tool rounds, repair
/// requests). A fallback model whose strategy differs gets the same turns behind an opening shaped for its strategy,
/// so the conversation is kept whichever model continues it.
/// </summary>
internal sealed class StructuredConversation<T>
{
    private readonly ConverseRequest _request;
    private readonly StructuredOutputSpec<T> _baseSpec;
    private readonly ToolBox? _box;
    private readonly ToolLoopOptions? _options;
    private ToolChoice? _laterChoice;
    private bool _pastFirstTurn;

    /// <param name="request">The prompt's request, before any shaping.</param>
    /// <param name="spec">The result's spec (its strategy is the first model's unless that model names another).</param>
    /// <param name="box">The user's tools, or null for a prompt without tools.</param>
    /// <param name="options">The tool loop's options; null without tools.</param>
    /// <param name="first">The first model.</param>
    public StructuredConversation(ConverseRequest request, StructuredOutputSpec<T> spec, ToolBox? box, ToolLoopOptions? options, ModelChoice first)
    {
        _request = request;
        _baseSpec = spec;
        _box = box;
        _options = options;
        Spec = spec.WithStrategy(first.Strategy);
        Current = Open(Spec, tail: null);
    }

    /// <summary>The spec of the conversation's current strategy.</summary>
    public StructuredOutputSpec<T> Spec { get; private set; }

    /// <summary>The request of the next turn.</summary>
    public ConverseRequest Current { get; private set; }

    /// <summary>The result is the input of a call to the result tool (the forced-tool strategy).</summary>
    public bool ResultIsTool => Spec.Strategy == StructuredOutputStrategy.ForcedTool;

    /// <summary>The request of the next turn for <paramref name="model"/>: reopened for its strategy when it differs.</summary>
    public ConverseRequest For(ModelChoice model)
    {
        StructuredOutputSpec<T> spec = _baseSpec.WithStrategy(model.Strategy);
        if (spec.Strategy != Spec.Strategy)
        {
            Spec = spec;
            Current = Open(spec, Current.Messages.GetRange(_request.Messages.Count, Current.Messages.Count - _request.Messages.Count));
        }

        return Current;
    }

    /// <summary>The next request after a model turn whose tools ran (<paramref name="content"/>: their results, and any request to the model).</summary>
    public void AppendRound(ConverseResponse response, List<ContentBlock> content) => Continue(ToolTurns.Append(Current, response, content));

    /// <summary>The next request after an invalid answer without tool calls: the answer and the request to correct it.</summary>
    public void AppendRepair(ConverseResponse response, IReadOnlyList<ResultError> errors) => Continue(RepairTurns.Append(Current, response, errors, Spec));

    private void Continue(ConverseRequest next)
    {
        List<Tool>? offered = Current.ToolConfig?.Tools;
        _pastFirstTurn = true;
        if (offered is not null && _laterChoice is not null)
        {
            next.ToolConfig = new ToolConfiguration { Tools = offered, ToolChoice = _laterChoice };
        }

        Current = next;
    }

    /// <summary>The shaped request with <paramref name="tail"/> (the turns so far) after its opening messages.</summary>
    private ConverseRequest Open(StructuredOutputSpec<T> spec, List<Message>? tail)
    {
        ConverseRequest conversation = StructuredRequestShaper.Shape(_request, spec);
        if (_box is not null && _options is not null)
        {
            if (spec.Strategy == StructuredOutputStrategy.ForcedTool)
            {
                // The result tool joins the user's tools; 'any' keeps the model from answering in prose, and it ends the
                // loop by calling the result tool when it has what it needs.
                Tool resultTool = conversation.ToolConfig!.Tools[0];
                _laterChoice = ToolBox.Choice(ToolChoiceMode.Any, null);
                conversation.ToolConfig = new ToolConfiguration
                {
                    Tools = _box.WireTools(resultTool, _options.ToolsCachePoint),
                    ToolChoice = _options.Choice == ToolChoiceMode.Tool ? ToolBox.Choice(ToolChoiceMode.Tool, _options.Tool) : _laterChoice,
                };
            }
            else
            {
                _laterChoice = ToolBox.Choice(ToolChoiceMode.Auto, null);
                conversation.ToolConfig = new ToolConfiguration { Tools = _box.WireTools(cachePoint: _options.ToolsCachePoint), ToolChoice = ToolBox.Choice(_options.Choice, _options.Tool) };
            }

            if (_pastFirstTurn)
            {
                conversation.ToolConfig.ToolChoice = _laterChoice;
            }
        }

        if (tail is not null)
        {
            conversation.Messages.AddRange(tail);
        }

        return conversation;
    }
}
