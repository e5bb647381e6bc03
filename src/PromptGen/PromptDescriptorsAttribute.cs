using System;

namespace PromptGen;

/// <summary>
/// Asks the generator for a <see cref="Descriptors.PromptDescriptor"/> per method of this <c>[PromptClient]</c>
/// interface, exposed as the interface's static <c>Descriptors</c> property: what each method sends (templates,
/// models, settings, schemas) and a reflection-free invoker taking its arguments as JSON. Tools such as the prompt
/// playground read them. Media arguments (PromptImage, PromptDocument, PromptVideo) read as
/// <c>{"format","base64"[,"name"]}</c>; embeddings of text and images from a compiled prompt are described too
/// (InvokeModel), and typed result streams stream their partial values. A conversation history reads as
/// <c>[{"role","text"}]</c>. Methods with tools, raw media bytes or streams, or image editing have none (PG0023 names each). The generator also names each such interface (not
/// nested in a type; a nested one has its provider nested in it) in a
/// <see cref="Descriptors.PromptDescriptorsProviderAttribute"/> on the assembly, so tools that load it find them.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class PromptDescriptorsAttribute : Attribute
{
}
