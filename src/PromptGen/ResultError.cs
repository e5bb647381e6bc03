namespace PromptGen;

/// <summary>
/// One thing wrong with a model's answer. <see cref="Path"/> is a JSONPath into the answer (<c>$</c> for the whole
/// answer, <c>$.items[2].price</c> for a member); <see cref="Message"/> says what was expected and what was there,
/// worded so that it can be shown to the model when asking it to correct itself.
/// </summary>
/// <param name="Path">Where in the answer: a JSONPath, <c>$</c> for the whole answer.</param>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Message">What was expected and what was there, in words the model can act on.</param>
public readonly record struct ResultError(string Path, ResultErrorKind Kind, string Message)
{
    /// <summary>The error as <c>path: message</c>, e.g. <c>$.items[2].price: expected a number, found "ten"</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
