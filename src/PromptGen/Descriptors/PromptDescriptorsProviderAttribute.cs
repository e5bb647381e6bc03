using System;
using System.Diagnostics.CodeAnalysis;

namespace PromptGen.Descriptors;

/// <summary>
/// Names, on an assembly, a generated <see cref="IPromptDescriptorsProvider"/> (one per interface marked
/// <see cref="PromptDescriptorsAttribute"/> that is not nested in another type). Written by the generator; tools
/// read it to find an assembly's descriptors without searching its types.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class PromptDescriptorsProviderAttribute : Attribute
{
    /// <summary>Names the provider type.</summary>
    /// <param name="providerType">A class implementing <see cref="IPromptDescriptorsProvider"/> with a public parameterless constructor.</param>
    public PromptDescriptorsProviderAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type providerType) =>
        ProviderType = providerType ?? throw new ArgumentNullException(nameof(providerType));

    /// <summary>The provider type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type ProviderType { get; }
}
