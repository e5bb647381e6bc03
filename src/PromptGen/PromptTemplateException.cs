using System;

namespace PromptGen;

/// <summary>A prompt template could not be parsed or rendered.</summary>
public sealed class PromptTemplateException : Exception
{
    /// <summary>Creates the error for <paramref name="templateText"/>.</summary>
    /// <param name="message">What failed and where in the template.</param>
    /// <param name="templateText">The template that failed.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public PromptTemplateException(string message, string templateText, Exception? innerException = null)
        : base(message, innerException)
    {
        TemplateText = templateText;
    }

    /// <summary>The text of the template that failed.</summary>
    public string TemplateText { get; }
}
