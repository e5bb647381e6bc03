namespace PromptGen.CodeFixes.Tests;

/// <summary>A prompt client around the members under test, as a user would write it.</summary>
internal static class Sources
{
    public const string ValidModel = "us.amazon.nova-micro-v1:0";

    public static string Client(string members, string clientAttribute = $"[PromptClient(Model = \"{ValidModel}\")]", string usings = "using System.Threading;\n") => $$"""
        {{usings}}using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Ticket(string Title, string Body);

        {{clientAttribute}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;
}
