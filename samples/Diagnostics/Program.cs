// Every mistake below is deliberate: building this project shows what PromptGen reports, where, and how.
// The expected lines are pinned by tests/PromptGen.Generators.Tests/DiagnosticsSampleBuildTests.cs; keep them in step.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

public sealed record Customer(string Name, string EmailAddress);

public sealed record Ticket(string Title, string Body, Customer Customer, IReadOnlyList<string> Tags);

public sealed record Holder(object Payload);

// PG0001: not partial, so PromptGen cannot add Create.
[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public interface INotPartial
{
    [Prompt("Hi {{ name }}")]
    Task<string> GreetAsync(string name, CancellationToken cancellationToken = default);
}

// PG0200: no model on the method, the interface or the assembly.
[PromptClient]
public partial interface INoModel
{
    [Prompt("Hi {{ name }}")]
    Task<string> GreetAsync(string name, CancellationToken cancellationToken = default);
}

[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface IDeclarationMistakes
{
    // PG0002: a prompt method must return Task<T> or ValueTask<T>.
    [Prompt("Hi {{ name }}")]
    string Greet(string name);

    // PG0004: no template.
    Task<string> FarewellAsync(CancellationToken cancellationToken = default);

    // PG0006, at 'ref': inputs are taken by value.
    [Prompt("Hi {{ name }}")]
    Task<string> RefAsync(ref string name);

    // PG0300, at Holder's 'Payload' (line 14): 'object' has no JSON shape.
    [Prompt("Wrap {{ text }}")]
    Task<Holder> WrapAsync(string text, CancellationToken cancellationToken = default);
}

// PG0005: a generic method makes the whole interface impossible to generate, so it has an interface of its own.
[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface IGenericMethod
{
    [Prompt("Hi {{ value }}")]
    Task<string> EchoAsync<T>(T value, CancellationToken cancellationToken = default);
}

[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface ITemplateMistakes
{
    // PG0100: a pipe with nothing after it.
    [Prompt("Hello {{ name | }}!")]
    Task<string> SyntaxAsync(string name, CancellationToken cancellationToken = default);

    // PG0101: 'tiket' is not a parameter (did you mean 'ticket'?).
    [Prompt("Summarize {{ tiket.title }}")]
    Task<string> VariableAsync(Ticket ticket, CancellationToken cancellationToken = default);

    // PG0102: 'language' is never used.
    [Prompt("Reply to {{ message }}")]
    Task<string> UnusedAsync(string message, string language, CancellationToken cancellationToken = default);

    // PG0103: Scriban names members in snake_case: 'titel' and 'Body' do not exist, 'title' and 'body' do.
    [Prompt("{{ ticket.titel }}: {{ ticket.Body }} ({{ ticket.customer.email }})")]
    Task<string> MemberAsync(Ticket ticket, CancellationToken cancellationToken = default);
}

[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface IModelChoices
{
    // PG0201: not in the catalog (did you mean 'us.amazon.nova-micro-v1:0'?).
    [Model("us.amazon.nova-mikro-v1:0")]
    [Prompt("Hi {{ name }}")]
    Task<string> UnknownAsync(string name, CancellationToken cancellationToken = default);

    // PG0202: not a model id at all.
    [Model("anthropic claude haiku")]
    [Prompt("Hi {{ name }}")]
    Task<string> MalformedAsync(string name, CancellationToken cancellationToken = default);

    // PG0203: legacy, with its successor.
    [Model("us.anthropic.claude-3-opus-20240229-v1:0")]
    [Prompt("Hi {{ name }}")]
    Task<string> LegacyAsync(string name, CancellationToken cancellationToken = default);

    // PG0204: end of life.
    [Model("us.anthropic.claude-3-haiku-20240307-v1:0")]
    [Prompt("Hi {{ name }}")]
    Task<string> EndOfLifeAsync(string name, CancellationToken cancellationToken = default);

    // PG0205: served only through an inference profile (add 'us.', 'eu.' or 'global.').
    [Model("anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [Prompt("Hi {{ name }}")]
    Task<string> ProfileAsync(string name, CancellationToken cancellationToken = default);

    // PG0206: more output tokens than the model can produce.
    [Inference(MaxTokens = 100000)]
    [Prompt("Hi {{ name }}")]
    Task<string> LongAsync(string name, CancellationToken cancellationToken = default);

    // PG0207: temperature outside the model family's range.
    [Inference(Temperature = 1.5)]
    [Prompt("Hi {{ name }}")]
    Task<string> HotAsync(string name, CancellationToken cancellationToken = default);

    // PG0208: Titan Text takes no system prompt (and is legacy: PG0203).
    [Model("amazon.titan-text-express-v1")]
    [SystemPrompt("You are terse.")]
    [Prompt("Hi {{ name }}")]
    Task<string> SystemAsync(string name, CancellationToken cancellationToken = default);
}

// PG0008: PromptGen implements only [PromptClient] interfaces; on a class the attribute does nothing.
public sealed class Summarizer
{
    [Prompt("Summarize: {{ text }}")]
    public Task<string> SummarizeAsync(string text) => Task.FromResult(text);
}

// PG0008: a plain interface that is no [PromptClient] and that no prompt client extends.
public interface IForgottenClient
{
    [Prompt("Summarize: {{ text }}")]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
}

// PG0009: PromptGen adds 'static Create(IBedrockRuntime)' to every prompt client, so nothing is generated here.
[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface IFactoryClash
{
    [Prompt("Describe {{ bedrock }}")]
    Task<string> Create(PromptGen.IBedrockRuntime bedrock);
}

[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface IMoreTemplateMistakes
{
    // PG0104: a customer is not a collection ('ticket.tags' is).
    [Prompt("Tags: {{ for t in ticket.customer }}{{ t }} {{ end }}")]
    Task<string> LoopAsync(Ticket ticket, CancellationToken cancellationToken = default);

    // PG0210: an empty stop sequence.
    [Inference(StopSequences = new[] { "END", "" })]
    [Prompt("Hi {{ name }}")]
    Task<string> StopAsync(string name, CancellationToken cancellationToken = default);
}

public enum Severity { Low, High }

public sealed record Verdict(Severity Severity, string Reason);

// Titan Text has no tool use (and is legacy: PG0203 at the model).
[PromptClient(Model = "amazon.titan-text-express-v1")]
public partial interface IResultMistakes
{
    // PG0301 and PG0304 are infos, shown here as warnings by this project's .editorconfig: the schema goes in the
    // prompt (PG0301), and 'Severity' has no Unknown/Other member for an answer that fits neither (PG0304).
    [Prompt("Judge {{ text }}")]
    Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken = default);

    // PG0302: a forced tool needs tool use, which the model does not have.
    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    [Prompt("Judge {{ text }} strictly")]
    Task<Verdict> StrictAsync(string text, CancellationToken cancellationToken = default);
}
