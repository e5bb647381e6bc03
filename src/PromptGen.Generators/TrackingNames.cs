namespace PromptGen.Generators;

/// <summary>Names of the pipeline steps, so tests can check each one is cached.</summary>
internal static class TrackingNames
{
    public const string ParsedClients = nameof(ParsedClients);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
}
