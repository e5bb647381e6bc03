using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading.Tasks;
using PromptGen.Tool.Commands;

namespace PromptGen.Tool;

/// <summary>
/// The <c>promptgen</c> command line: the root command and its subcommands, one file each under <c>Commands/</c>.
/// A new command (models, playground, ...) is a new file there and one line in <see cref="CreateRootCommand"/>.
/// </summary>
internal static class PromptGenCli
{
    /// <summary>The exit code of a command line that does not parse (as promptgen-emulator used, and as BSD sysexits' usage errors).</summary>
    public const int ExitUsage = 2;

    /// <summary>Help text is wrapped at this width whatever the terminal, so it reads the same everywhere (and in the snapshot test).</summary>
    private const int HelpWidth = 120;

    public static RootCommand CreateRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("PromptGen's command-line tool: typed prompts for Amazon Bedrock, checked by the C# compiler.")
        {
            EmulatorCommand.Create(output, error),
            ModelsCommand.Create(output, error),
            PlaygroundCommand.Create(output, error),
        };
        var epilogues = new Dictionary<string, string> { ["emulator"] = EmulatorCommand.HelpEpilogue, ["playground"] = PlaygroundCommand.HelpEpilogue };
        foreach (Option option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help })
            {
                help.MaxWidth = HelpWidth;
                option.Action = new HelpWithEpilogueAction(help, epilogues);
            }
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse prints its errors and the help of
    /// the command it named to <paramref name="error"/> and returns <see cref="ExitUsage"/>; nothing goes to <paramref name="output"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        RootCommand root = CreateRootCommand(output, error);
        ParseResult parsed = root.Parse(args);
        // "--help" is answered even when the command line misses a required argument ('promptgen playground --help').
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpWithEpilogueAction)
        {
            foreach (ParseError problem in parsed.Errors)
            {
                await error.WriteLineAsync($"promptgen: {problem.Message}");
            }

            await error.WriteLineAsync();
            await WriteHelpAsync(root, parsed.CommandResult, error);
            return ExitUsage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Commands that run until stopped handle SIGINT/SIGTERM themselves, to shut down cleanly and exit 0.
            ProcessTerminationTimeout = null,
        };
        return await parsed.InvokeAsync(configuration);
    }

    /// <summary>Writes the help of the command <paramref name="command"/> names, as '<c>... --help</c>' would.</summary>
    private static async Task WriteHelpAsync(RootCommand root, CommandResult command, TextWriter writer)
    {
        var path = new List<string> { "--help" };
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } named; result = result.Parent)
        {
            path.Insert(0, named.Command.Name);
        }

        await root.Parse(path).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer });
    }

    /// <summary>The standard help, then the command's own closing section (output contract, credentials...) if it has one.</summary>
    private sealed class HelpWithEpilogueAction(HelpAction help, IReadOnlyDictionary<string, string> epilogues) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int exitCode = help.Invoke(parseResult);
            if (parseResult.CommandResult.Parent is not null && epilogues.TryGetValue(parseResult.CommandResult.Command.Name, out string? epilogue))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(epilogue);
            }

            return exitCode;
        }
    }
}
