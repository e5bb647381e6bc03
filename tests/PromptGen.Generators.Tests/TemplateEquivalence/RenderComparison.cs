using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>What rendering a template produced: the text, or that it failed with a template error.</summary>
internal readonly record struct RenderOutcome(string? Text, bool Failed)
{
    public override string ToString() => Failed ? "<PromptTemplateException>" : "\"" + Text + "\"";
}

/// <summary>
/// Calls a prompt method of a generated client and renders the same templates with Scriban's runtime path
/// (<see cref="PromptTemplate"/>), both under a culture that formats numbers and dates differently from the
/// invariant one, and returns both outcomes for the user and the system template.
/// </summary>
internal static class RenderComparison
{
    private static readonly CultureInfo NonInvariantCulture = new("de-DE");

    public static (RenderOutcome Generated, RenderOutcome Scriban)[] Compare(Type promptInterface, string methodName, object?[] arguments)
    {
        MethodInfo method = promptInterface.GetMethods().Single(m => m.Name == methodName);
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = NonInvariantCulture;
        CultureInfo.CurrentUICulture = NonInvariantCulture;
        try
        {
            (RenderOutcome user, RenderOutcome system) generated = CallGenerated(promptInterface, method, arguments);
            string userTemplate = method.GetCustomAttribute<PromptAttribute>()!.Template;
            bool image = method.GetCustomAttribute<ImageGenerationAttribute>() is not null || method.ReturnType.ToString().Contains(nameof(GeneratedImage), StringComparison.Ordinal);
            string? systemTemplate = image ? null : (method.GetCustomAttribute<SystemPromptAttribute>() ?? promptInterface.GetCustomAttribute<SystemPromptAttribute>())?.Template;
            PromptArguments scribanArguments = ArgumentsOf(method, arguments);
            RenderOutcome scribanUser = RenderWithScriban(userTemplate, scribanArguments);
            RenderOutcome scribanSystem = systemTemplate is null ? new RenderOutcome(null, false) : RenderWithScriban(systemTemplate, scribanArguments);

            // The generated call renders the system template, then the user template, and stops at the first error.
            if (generated.user.Failed)
            {
                return new[] { (generated.user, new RenderOutcome(null, scribanUser.Failed || scribanSystem.Failed)) };
            }

            return new[] { (generated.user, scribanUser), (generated.system, scribanSystem) };
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static (RenderOutcome User, RenderOutcome System) CallGenerated(Type promptInterface, MethodInfo method, object?[] arguments)
    {
        var bedrock = new CapturingBedrock();
        object client = promptInterface.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { bedrock })!;
        object? returned = method.Invoke(client, arguments);
        Task task = returned switch
        {
            Task t => t,
            // A stream (PromptStream, ResultStream, IAsyncEnumerable<string>) sends its request at the first MoveNextAsync.
            { } stream when stream.GetType().GetMethod("GetAsyncEnumerator") is { } enumerate => FirstMove(stream, enumerate),
            { } valueTask => (Task)valueTask.GetType().GetMethod("AsTask")!.Invoke(valueTask, null)!,
            null => throw new InvalidOperationException("A prompt method returned null."),
        };

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (RequestCapturedException)
        {
        }
        catch (PromptTemplateException)
        {
            return (new RenderOutcome(null, true), new RenderOutcome(null, true));
        }

        if (bedrock.ImagePrompt is { } imagePrompt)
        {
            // An image method sends its rendered prompt as the image prompt, and no system prompt.
            return (new RenderOutcome(imagePrompt, false), new RenderOutcome(null, false));
        }

        ConverseRequest request = bedrock.Request ?? throw new InvalidOperationException($"{method.Name} sent no request.");
        string user = request.Messages[0].Content[0].Text!; // SampleArguments gives a conversation history no turns
        string? system = request.System?[0].Text;
        return (new RenderOutcome(user, false), new RenderOutcome(system, false));
    }

    private static Task FirstMove(object stream, MethodInfo enumerate)
    {
        object enumerator = enumerate.Invoke(stream, new object[] { CancellationToken.None })!;
        // Async iterators implement MoveNextAsync explicitly: call it through the interface.
        Type enumeratorInterface = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IAsyncEnumerator<>));
        object moving = enumeratorInterface.GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!;
        return (Task)moving.GetType().GetMethod("AsTask")!.Invoke(moving, null)!;
    }

    private static RenderOutcome RenderWithScriban(string template, PromptArguments arguments)
    {
        try
        {
            return new RenderOutcome(PromptTemplate.Parse(template).Render(arguments), false);
        }
        catch (PromptTemplateException)
        {
            return new RenderOutcome(null, true);
        }
    }

    private static PromptArguments ArgumentsOf(MethodInfo method, object?[] arguments)
    {
        var values = new PromptArguments();
        ParameterInfo[] parameters = method.GetParameters();
        for (int i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType != typeof(CancellationToken))
            {
                values.Add(parameters[i].Name!, arguments[i]);
            }
        }

        return values;
    }
}
