using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromptGen.Descriptors;
using PromptGen.Testing;
using PromptGen.Tool.Playground;

namespace PromptGen.Tool.Commands;

/// <summary>
/// <c>promptgen playground &lt;assembly.dll | project.csproj&gt;</c>: builds the project if given one, loads the
/// assembly, finds its prompt descriptors (the generator's assembly-level PromptDescriptorsProvider attributes) and
/// serves the playground page on 127.0.0.1 until Ctrl+C or SIGTERM, against an in-process emulator (the default) or
/// real Bedrock (<c>--bedrock</c>). Standard output is a contract: the first line is <c>Playground on URL</c>.
/// </summary>
internal static class PlaygroundCommand
{
    /// <summary>Printed after the options by <c>promptgen playground --help</c>.</summary>
    public const string HelpEpilogue =
        """
        Output:
          Standard output is for programs that launch it: the first line is "Playground on http://127.0.0.1:<port>/playground/",
          the second the Bedrock it calls ("Calling the emulator at ..." or "Calling Amazon Bedrock in <region>").

        Which methods:
          Every method of every interface marked [PromptDescriptors] in the assembly (nested in a class too); a
          method that cannot be run from JSON has no descriptor, and the build said why (PG0023).
        """;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("assembly-or-project")
        {
            Description = "The app's built assembly (.dll), or its project (.csproj), which is built first",
        };
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1; 0 picks any free port",
            DefaultValueFactory = _ => 0,
            HelpName = "port",
        };
        var bedrock = new Option<bool>("--bedrock")
        {
            Description = "Call Amazon Bedrock itself (usual AWS credentials and --region) instead of the in-process emulator",
        };
        var region = new Option<string?>("--region")
        {
            Description = "AWS Region of the Bedrock calls (with --bedrock; default: AWS_REGION or the profile's), or that the emulator serves",
            HelpName = "region",
        };
        var scripts = new Option<FileInfo[]>("--script")
        {
            Description = "Emulator only: JSON file of scripted replies (EmulatorScript.LoadJson in PromptGen.Testing); repeatable",
            HelpName = "file.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var models = new Option<FileInfo[]>("--models")
        {
            Description = "Project model catalog file (promptgen.models.json): its prices give runs an estimated cost, and the emulator knows its models; repeatable",
            HelpName = "file.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var framework = new Option<string?>("--framework", "-f")
        {
            Description = "The target framework to build and load, for a project that targets several",
            HelpName = "tfm",
        };

        var command = new Command("playground", "Serve the prompt playground for an assembly's or project's [PromptDescriptors] interfaces on 127.0.0.1")
        {
            target, port, bedrock, region, scripts, models, framework,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new PlaygroundSettings(
                parsed.GetValue(target)!,
                parsed.GetValue(port),
                parsed.GetValue(bedrock),
                parsed.GetValue(region),
                (parsed.GetValue(scripts) ?? []).Select(file => file.FullName).ToArray(),
                (parsed.GetValue(models) ?? []).Select(file => file.FullName).ToArray(),
                parsed.GetValue(framework)),
            output,
            error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PlaygroundSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (settings.Port is < 0 or > 65535)
        {
            await error.WriteLineAsync($"promptgen playground: --port needs a number from 0 to 65535; got {settings.Port}.");
            return PromptGenCli.ExitUsage;
        }

        if (settings.UseBedrock && settings.Scripts.Count > 0)
        {
            await error.WriteLineAsync("promptgen playground: --script scripts the emulator; it does not go with --bedrock.");
            return PromptGenCli.ExitUsage;
        }

        IReadOnlyList<PromptDescriptor> descriptors;
        try
        {
            string assemblyPath = Path.GetFullPath(settings.Target);
            if (assemblyPath.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                await error.WriteLineAsync($"Building {assemblyPath}...");
                assemblyPath = await ProjectBuilder.BuildAsync(assemblyPath, settings.Framework, error, cancellationToken);
            }

            descriptors = DescriptorAssemblyLoader.Load(assemblyPath);
            if (descriptors.Count == 0)
            {
                throw new PlaygroundSetupException(
                    $"'{assemblyPath}' has no prompt descriptors: mark a [PromptClient] interface with [PromptDescriptors] and rebuild.");
            }
        }
        catch (PlaygroundSetupException e)
        {
            await error.WriteLineAsync($"promptgen playground: {e.Message}");
            return PromptGenCli.ExitUsage;
        }

        BedrockEmulator? emulator = null;
        try
        {
            var options = new BedrockOptions();
            foreach (string catalog in settings.CatalogFiles)
            {
                options.ModelCatalogFiles.Add(catalog);
            }

            string calling;
            if (settings.UseBedrock)
            {
                // The usual AWS chain (environment, profile, SSO...) resolves the credentials; nothing here prints them.
                options.Region = settings.Region;
                calling = "Calling Amazon Bedrock in " + (settings.Region ?? "the Region of AWS_REGION or the AWS profile");
            }
            else
            {
                emulator = await StartEmulatorAsync(settings, cancellationToken);
                options.Endpoint = emulator.Endpoint;
                options.Region = settings.Region ?? new BedrockEmulatorOptions().Region;
                // The emulator's documented example pair (not a secret), as 'promptgen emulator' prints it.
                options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
                calling = "Calling the emulator at " + emulator.Endpoint.GetLeftPart(UriPartial.Authority);
            }

            await using WebApplication app = BuildApp(options, settings.Port, descriptors);
            await app.StartAsync(cancellationToken);
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            await output.WriteLineAsync($"Playground on {address.TrimEnd('/')}/playground/");
            await output.WriteLineAsync(calling);
            await output.FlushAsync(CancellationToken.None);
            await error.WriteLineAsync($"{descriptors.Count} prompt method(s). Press Ctrl+C to stop.");
            await WaitForStopAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
            return 0;
        }
        catch (Exception e) when (e is BedrockConfigurationException or EmulatorScriptException or InvalidDataException or ArgumentException)
        {
            await error.WriteLineAsync($"promptgen playground: {e.Message}");
            return PromptGenCli.ExitUsage;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"promptgen playground: cannot listen on port {settings.Port}: {e.Message}");
            return 1;
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private static async Task<BedrockEmulator> StartEmulatorAsync(PlaygroundSettings settings, CancellationToken cancellationToken)
    {
        var options = new BedrockEmulatorOptions();
        if (settings.Region is not null)
        {
            options.Region = settings.Region;
        }

        foreach (string catalog in settings.CatalogFiles)
        {
            options.ModelCatalogFiles.Add(catalog);
        }

        BedrockEmulator emulator = await BedrockEmulator.StartAsync(options, cancellationToken);
        try
        {
            foreach (string script in settings.Scripts)
            {
                emulator.Script.LoadFile(script);
            }
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        return emulator;
    }

    /// <summary>Kestrel on 127.0.0.1 only, in Development, no logging on standard output (which is the contract).</summary>
    private static WebApplication BuildApp(BedrockOptions options, int port, IReadOnlyList<PromptDescriptor> descriptors)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddPromptGen(configured =>
        {
            configured.Region = options.Region;
            configured.Endpoint = options.Endpoint;
            configured.Credentials = options.Credentials;
            foreach (string catalog in options.ModelCatalogFiles)
            {
                configured.ModelCatalogFiles.Add(catalog);
            }
        });
        WebApplication app = builder.Build();
        app.MapPromptPlayground(descriptors, playground => playground.Title = "PromptGen playground");
        return app;
    }

    private static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopRequested.TrySetResult();
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using CancellationTokenRegistration cancelled = cancellationToken.Register(() => stopRequested.TrySetResult());
        await stopRequested.Task;
    }

    private sealed record PlaygroundSettings(
        string Target, int Port, bool UseBedrock, string? Region, IReadOnlyList<string> Scripts, IReadOnlyList<string> CatalogFiles, string? Framework);
}
