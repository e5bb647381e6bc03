using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The system prompt a method sends: its own <c>[SystemPrompt]</c>, else its interface's. The attribute decides, not
/// its template: a method's <c>[SystemPrompt]</c> whose template is null hides the interface's, and none is sent.
/// </summary>
internal sealed class SystemPromptChoice
{
    private SystemPromptChoice(AttributeData? attribute, bool isInterfaceWide)
    {
        Attribute = attribute;
        IsInterfaceWide = isInterfaceWide;
        Template = attribute is null ? null : AttributeReader.FirstStringArgument(attribute);
    }

    /// <summary>The deciding attribute; null when neither the method nor the interface has one.</summary>
    public AttributeData? Attribute { get; }

    /// <summary>The template sent as the system prompt; null when none is.</summary>
    public string? Template { get; }

    /// <summary>The interface's, shared by every method without its own (so its mistakes are reported once).</summary>
    public bool IsInterfaceWide { get; }

    public static SystemPromptChoice Resolve(AttributeData? method, AttributeData? @interface) =>
        method is not null ? new SystemPromptChoice(method, isInterfaceWide: false) : new SystemPromptChoice(@interface, @interface is not null);
}
