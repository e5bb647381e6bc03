namespace PromptGen.Generators.Models;

/// <summary>
/// A described method's conversation-history parameter: read by the runtime from a JSON array of
/// <c>{"role", "text"}</c> beside the generated arguments parser, and handed to the request builder as its type wants.
/// </summary>
/// <param name="Identifier">The parameter as C# names it (<c>@event</c> for a keyword).</param>
/// <param name="JsonName">The property of the arguments object that holds it.</param>
/// <param name="TypeDisplay">The parameter's type as the descriptor shows it.</param>
/// <param name="ChatMessages">Its turns are <c>Microsoft.Extensions.AI.ChatMessage</c>s rather than <c>PromptGen.Message</c>s.</param>
/// <param name="IsArray">It is an array, so the list read is copied into one.</param>
/// <param name="IsRequired">The argument must be given (no default, not nullable).</param>
internal sealed record DescriptorHistoryModel(string Identifier, string JsonName, string TypeDisplay, bool ChatMessages, bool IsArray, bool IsRequired);
