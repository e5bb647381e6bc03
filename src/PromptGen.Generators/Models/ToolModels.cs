namespace PromptGen.Generators.Models;

/// <summary>
/// The tools a prompt method offers: its tool-set parameters, how the loop runs, and the parameters that hand it
/// Microsoft.Extensions.AI function tools at run time (by identifier).
/// </summary>
internal sealed record ToolingModel(EquatableArray<ToolSetUse> Sets, ToolLoopModel Loop, EquatableArray<string> FunctionSources);

/// <summary>A parameter of a prompt method whose type is a tool set.</summary>
internal sealed record ToolSetUse(string ParameterIdentifier, ToolSetModel Set);

/// <summary>A class or interface with [Tool] methods, as the generated invoker needs it.</summary>
/// <param name="TypeName">The fully qualified type, e.g. <c>global::Contoso.WeatherTools</c>.</param>
/// <param name="ShortName">A name for generated members, unique within one prompt interface.</param>
internal sealed record ToolSetModel(string TypeName, string ShortName, EquatableArray<ToolModel> Tools);

/// <summary>One [Tool] method.</summary>
/// <param name="Name">The name the model sees.</param>
/// <param name="Arguments">The parameters as one JSON object: its schema is the tool's input schema, its parser reads the input.</param>
/// <param name="Result">The return value's JSON shape when it is written as JSON; null for string and no value.</param>
internal sealed record ToolModel(
    string Name,
    string MethodName,
    string? Description,
    ResultModel Arguments,
    EquatableArray<ToolParameterModel> Parameters,
    ToolReturnKind ReturnKind,
    ResultModel? Result);

/// <summary>A parameter of a tool method: read from the input's member <see cref="ArgumentIndex"/>, or the call's token.</summary>
internal sealed record ToolParameterModel(string Identifier, string Type, bool IsCancellationToken, int ArgumentIndex);

/// <summary>What a tool method returns and how it is awaited.</summary>
internal enum ToolReturnKind
{
    Void,
    String,
    Json,
    Task,
    TaskOfString,
    TaskOfJson,
    ValueTask,
    ValueTaskOfString,
    ValueTaskOfJson,
}

/// <summary>The [ToolLoop] settings; Choice is the ToolChoiceMode member name.</summary>
internal sealed record ToolLoopModel(int MaxIterations, string Choice, string? Tool, bool ParallelCalls)
{
    public static readonly ToolLoopModel Default = new(8, "Auto", null, true);

    public bool IsDefault => Equals(Default);
}
