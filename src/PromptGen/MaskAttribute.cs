using System;

namespace PromptGen;

/// <summary>
/// Marks the mask of an image-editing method (an image method with a <see cref="PromptImage"/> source parameter). On a
/// <see cref="PromptImage"/> parameter the image is the mask (<c>maskImage</c>: black pixels are the area to change,
/// white ones are kept); on a <see cref="string"/> parameter the text describes the area and the model finds it
/// (<c>maskPrompt</c>). With a mask the call is inpainting, or outpainting when
/// <see cref="ImageGenerationAttribute.Outpainting"/> is set. Nova Canvas and Titan Image Generator v2 take a mask;
/// Stability models do not, which the build reports (PG0225).
/// </summary>
/// <example><code>
/// [Model("amazon.nova-canvas-v1:0")]
/// [Prompt("a red vintage car")]
/// Task&lt;GeneratedImage&gt; ReplaceAsync(PromptImage photo, [Mask] string area, CancellationToken cancellationToken = default);
/// </code></example>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class MaskAttribute : Attribute
{
}
