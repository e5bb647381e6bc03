using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The inference settings a method sends: each setting its <c>[Inference]</c> sets, else the interface's (a method's
/// empty stop sequence list keeps the interface's). An <c>[Inference]</c> with a compile error contributes nothing.
/// </summary>
internal sealed class InferenceChoice
{
    public const string MaxTokens = nameof(InferenceModel.MaxTokens);
    public const string Temperature = nameof(InferenceModel.Temperature);
    public const string TopP = nameof(InferenceModel.TopP);
    public const string StopSequences = nameof(InferenceModel.StopSequences);

    private readonly InferenceModel _method;
    private readonly InferenceModel _interface;

    private InferenceChoice(AttributeData? method, AttributeData? @interface)
    {
        MethodAttribute = method;
        InterfaceAttribute = @interface;
        _method = AttributeReader.ReadInference(method);
        _interface = AttributeReader.ReadInference(@interface);
        Effective = _interface.OverriddenBy(_method);
    }

    /// <summary>The method's own <c>[Inference]</c>, when it compiles.</summary>
    public AttributeData? MethodAttribute { get; }

    /// <summary>The interface's <c>[Inference]</c>, when it compiles.</summary>
    public AttributeData? InterfaceAttribute { get; }

    /// <summary>What is sent.</summary>
    public InferenceModel Effective { get; }

    public static InferenceChoice Resolve(AttributeData? method, AttributeData? @interface) =>
        new(Usable(method), Usable(@interface));

    /// <summary>The attribute whose value of <paramref name="setting"/> is sent; null when neither sets it.</summary>
    public AttributeData? SourceOf(string setting) =>
        Sets(_method, setting) ? MethodAttribute : Sets(_interface, setting) ? InterfaceAttribute : null;

    private static bool Sets(InferenceModel inference, string setting) => setting switch
    {
        MaxTokens => inference.MaxTokens is not null,
        Temperature => inference.Temperature is not null,
        TopP => inference.TopP is not null,
        StopSequences => !inference.StopSequences.IsEmpty,
        _ => false,
    };

    private static AttributeData? Usable(AttributeData? attribute) =>
        attribute is null || AttributeReader.HasErrors(attribute) ? null : attribute;
}
