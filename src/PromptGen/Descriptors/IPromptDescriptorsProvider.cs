using System.Collections.Generic;

namespace PromptGen.Descriptors;

/// <summary>
/// The descriptors of one prompt interface, reachable from outside the assembly: the generator writes one per
/// interface marked <see cref="PromptDescriptorsAttribute"/> and names it in a
/// <see cref="PromptDescriptorsProviderAttribute"/> on the assembly, so a tool that loads the assembly (such as
/// <c>promptgen playground</c>) finds every descriptor by that attribute alone.
/// </summary>
public interface IPromptDescriptorsProvider
{
    /// <summary>The interface's descriptors (its static <c>Descriptors</c> list).</summary>
    IReadOnlyList<PromptDescriptor> Descriptors { get; }
}
