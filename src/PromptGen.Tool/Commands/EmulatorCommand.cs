using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing;

namespace PromptGen.Tool.Commands;

/// <summary>
/// <c>promptgen emulator</c>: runs PromptGen.Testing's <see cref="BedrockEmulator"/> until Ctrl+C or SIGTERM.
/// Standard output is a contract for programs that launch it: the first line is <c>Listening on http://127.0.0.1:PORT</c>,
/// the second the h2c listener, then one line per request. How to point an app at it goes to standard error, for people.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>Printed after the options by <c>promptgen emulator --help</c>.</summary>
    public const string HelpEpilogue =
        """
        Output:
          Standard output is for programs that launch the emulator: the first line is "Listening on http://127.0.0.1:<port>"
          (HTTP/1.1), the second "HTTP/2 (h2c, prior knowledge) on http://127.0.0.1:<port>", then one line per request.
          How to point an app at it (AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_REGION, credentials) goes to standard error.

        Credentials:
          SigV4 requests must be signed with the emulator's example pair AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
          (not a secret: it is AWS's documentation example), or carry an API key given with --bearer-token.
        """;

    public static Command Create(TextWriter output, TextWriter error)
    {
        Option<int> port = PortOption("--port", "TCP port of the HTTP/1.1 listener; 0 picks any free port");
        Option<int> http2Port = PortOption("--http2-port", "TCP port of the cleartext HTTP/2 listener; 0 picks any free port");
        var region = new Option<string>("--region")
        {
            Description = "Region that SigV4 credential scopes must name",
            DefaultValueFactory = _ => "us-east-1",
            HelpName = "region",
        };
        var bearerTokens = new Option<string[]>("--bearer-token", "--api-key")
        {
            Description = "Accept this Bedrock API key as \"Authorization: Bearer <key>\" (AWS_BEARER_TOKEN_BEDROCK); repeatable. Never printed",
            HelpName = "key",
            Arity = ArgumentArity.OneOrMore,
        };
        var scripts = new Option<FileInfo[]>("--script")
        {
            Description = "JSON file of scripted replies (schema: EmulatorScript.LoadJson in PromptGen.Testing); repeatable, rules are added in order",
            HelpName = "file.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var knowledgeBases = new Option<string[]>("--knowledge-base")
        {
            Description = "Serve a knowledge base (Retrieve, RetrieveAndGenerate) from a folder of .md/.txt files: ID is 1 to 10 letters and digits; repeatable",
            HelpName = "ID=folder",
            Arity = ArgumentArity.OneOrMore,
        };
        var noModelChecks = new Option<bool>("--no-model-checks")
        {
            Description = "Accept every request member for every model (no per-model capability rules; see docs/models.md)",
        };

        var allowModels = new Option<string[]>("--allow-model")
        {
            Description = "Also answer this model id, inference profile or ARN though the catalog does not know it; repeatable",
            HelpName = "id",
            Arity = ArgumentArity.OneOrMore,
        };
        var allowAnyModel = new Option<bool>("--allow-any-model")
        {
            Description = "Answer every well-formed model id (by default an id the catalog does not know gets Bedrock's \"The provided model identifier is invalid.\")",
        };
        var models = new Option<FileInfo[]>("--models")
        {
            Description = "Project model catalog file (promptgen.models.json, docs/model-catalog.md) laid over the built-in catalog; repeatable, later files win",
            HelpName = "file.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var unmatched = new Option<UnmatchedCallPolicy>("--unmatched")
        {
            Description = "What a call no script rule answers gets: FailWhenScripted (default: an error showing the request and the rules once "
                + "a script answers anything, the default reply until then), Fail, or DefaultReply",
            DefaultValueFactory = _ => UnmatchedCallPolicy.FailWhenScripted,
            HelpName = "policy",
        };

        var command = new Command("emulator", "Run a local Amazon Bedrock Runtime emulator on 127.0.0.1 until Ctrl+C or SIGTERM")
        {
            port, http2Port, region, bearerTokens, scripts, knowledgeBases, noModelChecks, allowModels, allowAnyModel, models, unmatched,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new BedrockEmulatorOptions
            {
                Port = parsed.GetValue(port),
                Http2Port = parsed.GetValue(http2Port),
                Region = parsed.GetValue(region)!,
                EnforceModelCapabilities = !parsed.GetValue(noModelChecks),
                AllowUnknownModels = parsed.GetValue(allowAnyModel),
                UnmatchedCalls = parsed.GetValue(unmatched),
                RequestCompleted = request => output.WriteLine($"{request.Method} {request.RawPath} {request.ResponseStatus}"),
            },
            parsed.GetValue(bearerTokens) ?? [],
            parsed.GetValue(allowModels) ?? [],
            parsed.GetValue(models) ?? [],
            parsed.GetValue(scripts) ?? [],
            parsed.GetValue(knowledgeBases) ?? [],
            output,
            error,
            cancellationToken));
        return command;
    }

    private static Option<int> PortOption(string name, string description)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => 0,
            HelpName = "port",
            CustomParser = result =>
            {
                string value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535)
                {
                    return port;
                }

                result.AddError($"{name} needs a number from 0 to 65535; got '{value}'.");
                return 0;
            },
        };
        return option;
    }

    private static async Task<int> RunAsync(
        BedrockEmulatorOptions options,
        string[] bearerTokens,
        string[] allowedModels,
        FileInfo[] catalogFiles,
        FileInfo[] scripts,
        string[] knowledgeBases,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        foreach (string knowledgeBase in knowledgeBases)
        {
            int equals = knowledgeBase.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == knowledgeBase.Length - 1)
            {
                await error.WriteLineAsync($"promptgen emulator: --knowledge-base takes ID=folder, e.g. KBDOCS0001=./docs; got '{knowledgeBase}'.");
                return PromptGenCli.ExitUsage;
            }

            options.KnowledgeBases[knowledgeBase[..equals]] = knowledgeBase[(equals + 1)..];
        }

        foreach (string token in bearerTokens)
        {
            options.BearerTokens.Add(token);
        }

        foreach (string modelId in allowedModels)
        {
            options.AdditionalModelIds.Add(modelId);
        }

        foreach (FileInfo catalogFile in catalogFiles)
        {
            options.ModelCatalogFiles.Add(catalogFile.FullName);
        }

        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            // Shut down cleanly instead of letting the runtime kill the process mid-response.
            context.Cancel = true;
            stopRequested.TrySetResult();
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using CancellationTokenRegistration cancelled = cancellationToken.Register(() => stopRequested.TrySetResult());

        BedrockEmulator emulator;
        try
        {
            emulator = await BedrockEmulator.StartAsync(options, cancellationToken);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException or ArgumentException)
        {
            // An input that cannot be used: a knowledge base's id, folder or sidecar metadata, or a model catalog file.
            await error.WriteLineAsync($"promptgen emulator: {exception.Message}");
            return PromptGenCli.ExitUsage;
        }
        catch (IOException exception)
        {
            await error.WriteLineAsync($"promptgen emulator: cannot listen on port {options.Port}: {exception.Message}");
            return 1;
        }

        await using (emulator)
        {
            foreach (FileInfo script in scripts)
            {
                try
                {
                    emulator.Script.LoadFile(script.FullName);
                }
                catch (EmulatorScriptException exception)
                {
                    await error.WriteLineAsync($"promptgen emulator: {exception.Message}");
                    return PromptGenCli.ExitUsage;
                }
            }

            // Tools that launch the emulator wait for this line to learn the port, so it comes first and is flushed at once.
            string endpoint = emulator.Endpoint.GetLeftPart(UriPartial.Authority);
            await output.WriteLineAsync($"Listening on {endpoint}");
            await output.WriteLineAsync($"HTTP/2 (h2c, prior knowledge) on {emulator.Http2Endpoint.GetLeftPart(UriPartial.Authority)}");
            await output.FlushAsync(CancellationToken.None);

            await error.WriteLineAsync(ConnectionHelp(endpoint, options.Region, bearerTokens.Length));
            await error.FlushAsync(CancellationToken.None);
            await stopRequested.Task;
        }

        return 0;
    }

    /// <summary>
    /// How to point an app at the emulator. It names only the emulator's own documented example credentials; the
    /// API keys given with --bearer-token are secrets of the user's and are never printed, only counted.
    /// </summary>
    internal static string ConnectionHelp(string endpoint, string region, int bearerTokenCount)
    {
        string apiKeys = bearerTokenCount == 0
            ? string.Empty
            : $"""

              or, instead of the two keys, one of the {bearerTokenCount} API key(s) given with --bearer-token:
                export AWS_BEARER_TOKEN_BEDROCK=<your key>
              """;
        return $"""
            Point an app (PromptGen, or any AWS SDK) at the emulator with these environment variables:
              export AWS_ENDPOINT_URL_BEDROCK_RUNTIME={endpoint}
              export AWS_REGION={region}
              export AWS_ACCESS_KEY_ID={EmulatorCredentials.AccessKeyId}
              export AWS_SECRET_ACCESS_KEY={EmulatorCredentials.SecretAccessKey}{apiKeys}
            (PowerShell: $env:NAME = "value".) Press Ctrl+C to stop.
            """;
    }
}
