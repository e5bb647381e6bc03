using System;

namespace PromptGen;

/// <summary>A prompt template could not be parsed or rendered.</summary>
public sealed class PromptTemplateException : Exception
{
    public PromptTemplateException(string message, string templateText, Exception? innerException = null)
        : base(message, innerException)
    {
        TemplateText = templateText;
    }

    public string TemplateText { get; }
}
