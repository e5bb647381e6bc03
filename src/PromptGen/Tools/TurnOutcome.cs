using System.Collections.Generic;
using PromptGen.Bedrock;
using PromptGen.Prompting;

namespace PromptGen.Tools;

/// <summary>
/// One model turn of a typed tool loop: every call it made, and either the calls of the user's tools to run
/// (<see cref="UserCalls"/>) or the answer read as the result (<see cref="Reading"/>).
/// </summary>
internal sealed record TurnOutcome<T>(List<ToolUseBlock> Calls, List<ToolUseBlock>? UserCalls, AnswerReading<T>? Reading);
