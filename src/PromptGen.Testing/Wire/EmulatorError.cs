namespace PromptGen.Testing.Wire;

/// <summary>An error answer: sent as spec §6 says (x-amzn-ErrorType header, JSON body with a lowercase <c>message</c>).</summary>
internal sealed record EmulatorError(string Code, int Status, string Message);
