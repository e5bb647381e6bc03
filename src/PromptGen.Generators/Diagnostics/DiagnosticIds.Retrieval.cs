namespace PromptGen.Generators.Diagnostics;

// Retrieval declared on prompt methods ([Retrieve]): PG0500–PG0519.
internal static partial class DiagnosticIds
{
    public const string MissingKnowledgeBase = "PG0500";
    public const string NumberOfResultsOutOfRange = "PG0501";
    public const string UnknownRetrievalParameter = "PG0502";
    public const string CitationsWithoutDocuments = "PG0503";
    public const string RetrievalNotSupported = "PG0504";
    public const string QueryGivenTwice = "PG0505";
    public const string InvalidReranking = "PG0506";
}
