namespace PromptGen.Generators.Diagnostics;

// Tool calling: PG0400–PG0419.
internal static partial class DiagnosticIds
{
    public const string UnsupportedToolParameter = "PG0400";
    public const string UnsupportedToolReturnType = "PG0401";
    public const string InvalidToolName = "PG0402";
    public const string DuplicateToolName = "PG0403";
    public const string ToolNameTakenByResult = "PG0405";
    public const string InvalidToolLoopSetting = "PG0406";
    public const string UnsupportedToolMethod = "PG0407";
    public const string ToolWithoutDescription = "PG0408";
    public const string ModelWithoutToolUse = "PG0409";
}
