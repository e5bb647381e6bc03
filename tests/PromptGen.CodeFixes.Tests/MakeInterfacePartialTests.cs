using System.Threading.Tasks;
using Xunit;
using Verify = PromptGen.CodeFixes.Tests.CodeFixVerifier<PromptGen.CodeFixes.Tests.GeneratorDiagnosticAnalyzer, PromptGen.CodeFixes.MakeInterfacePartialCodeFix>;

namespace PromptGen.CodeFixes.Tests;

public sealed class MakeInterfacePartialTests
{
    private const string Members = """
            [Prompt("Hi {{ name }}")]
            Task<string> GreetAsync(string name, CancellationToken cancellationToken);
        """;

    [Fact]
    public Task Public_interface_becomes_public_partial() =>
        Verify.VerifyAsync(
            Sources.Client(Members).Replace("public partial interface IPrompts", "public interface {|PG0001:IPrompts|}"),
            Sources.Client(Members));

    [Fact]
    public Task Interface_without_modifiers_gets_partial_in_place_of_its_indentation() =>
        Verify.VerifyAsync(
            Sources.Client(Members).Replace("public partial interface IPrompts", "interface {|PG0001:IPrompts|}"),
            Sources.Client(Members).Replace("public partial interface IPrompts", "partial interface IPrompts"));
}
