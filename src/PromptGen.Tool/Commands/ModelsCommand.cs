using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Batch;
using PromptGen.Generators.Catalog;
using PromptGen.Testing.Wire;
using PromptGen.Tool.Models;

namespace PromptGen.Tool.Commands;

/// <summary>
/// <c>promptgen models</c>: the model catalog the build checks against (built-in, with the project's catalog files laid
/// over it): <c>list</c> with filters, <c>show ID</c>, and <c>refresh</c>, which brings a project's
/// <c>promptgen.models.json</c> up to date with the Bedrock control plane (ListFoundationModels, ListInferenceProfiles)
/// or with their answers saved from the AWS CLI. docs/model-catalog.md.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("models", "The model catalog PromptGen checks model ids against: list, show, refresh a promptgen.models.json")
        {
            List(output, error),
            Show(output, error),
            Refresh(output, error),
        };
        return command;
    }

    private static Option<FileInfo[]> CatalogFilesOption() => new("--models")
    {
        Description = "Project model catalog file (promptgen.models.json) laid over the built-in catalog; repeatable, later files win",
        HelpName = "file.json",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Command List(TextWriter output, TextWriter error)
    {
        var provider = new Option<string>("--provider") { Description = "Only this provider's models, e.g. Anthropic, Amazon", HelpName = "name" };
        var modality = new Option<string>("--modality") { Description = "Only chat, image or embedding models", HelpName = "modality" };
        modality.AcceptOnlyFromAmong("chat", "image", "embedding");
        var lifecycle = new Option<string>("--lifecycle") { Description = "Only active, legacy or endOfLife models", HelpName = "status" };
        lifecycle.AcceptOnlyFromAmong("active", "legacy", "endOfLife");
        Option<FileInfo[]> files = CatalogFilesOption();
        var command = new Command("list", "One line a model: id, provider, modality, lifecycle, name (tab-separated)") { provider, modality, lifecycle, files };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (await LoadAsync(parsed.GetValue(files), error) is not { } catalog)
            {
                return PromptGenCli.ExitUsage;
            }

            foreach (ModelInfo model in ModelListing.Filter(catalog, parsed.GetValue(provider), parsed.GetValue(modality), parsed.GetValue(lifecycle)))
            {
                await output.WriteLineAsync(ModelListing.Line(model));
            }

            return 0;
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "A base model id, inference profile id or ARN" };
        Option<FileInfo[]> files = CatalogFilesOption();
        var command = new Command("show", "Every fact the catalog has of one model, with its sources") { id, files };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (await LoadAsync(parsed.GetValue(files), error) is not { } catalog)
            {
                return PromptGenCli.ExitUsage;
            }

            string modelId = parsed.GetValue(id)!;
            ModelLookup? lookup = ModelIdSyntax.IsWellFormed(modelId) ? catalog.Find(modelId) : null;
            if (lookup?.Model is not { } model)
            {
                // Any model the catalog has, whatever it makes: 'show' is a question about the catalog, not a prompt's call.
                IReadOnlyList<string> suggestions = catalog.Suggest(modelId, modality: null);
                await error.WriteLineAsync($"promptgen models show: the catalog has no model '{modelId}'{(suggestions.Count > 0 ? "; did you mean " + string.Join(", ", suggestions) + "?" : ".")}");
                return 1;
            }

            await output.WriteAsync(ModelListing.Details(model));
            return 0;
        });
        return command;
    }

    private static Command Refresh(TextWriter output, TextWriter error)
    {
        var file = new Option<FileInfo>("--output", "-o")
        {
            Description = "The project's catalog file to write or update",
            DefaultValueFactory = _ => new FileInfo("promptgen.models.json"),
            HelpName = "file.json",
        };
        var fromFiles = new Option<FileInfo[]>("--from-file")
        {
            Description = "Read saved answers instead of calling AWS: the JSON of 'aws bedrock list-foundation-models' and of 'aws bedrock list-inference-profiles' "
                + "(repeat the option; each file's kind is read from its content)",
            HelpName = "answer.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var region = new Option<string>("--region") { Description = "The region to list (else AWS_REGION, the profile's region)", HelpName = "region" };
        var endpoint = new Option<Uri>("--endpoint")
        {
            CustomParser = result =>
            {
                string value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                {
                    return uri;
                }

                result.AddError($"--endpoint needs an http or https URL; got '{value}'.");
                return null;
            },
            Description = "The Bedrock runtime endpoint; the control plane's is derived from it (bedrock-runtime.* → bedrock.*), any other endpoint (an emulator) is used as it is",
            HelpName = "url",
        };
        var profile = new Option<string>("--profile") { Description = "The AWS profile whose credentials sign the calls (else the usual credential chain)", HelpName = "name" };
        var command = new Command("refresh", "Bring promptgen.models.json up to date with Bedrock's model lists, keeping hand-set facts") { file, fromFiles, region, endpoint, profile };
        command.SetAction((parsed, cancellationToken) => RefreshAsync(
            parsed.GetValue(file)!, parsed.GetValue(fromFiles) ?? [], parsed.GetValue(region), parsed.GetValue(endpoint), parsed.GetValue(profile), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RefreshAsync(
        FileInfo file, FileInfo[] fromFiles, string? region, Uri? endpoint, string? profile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? foundationModels = null;
        string? inferenceProfiles = null;
        try
        {
            if (fromFiles.Length > 0)
            {
                foreach (FileInfo answer in fromFiles)
                {
                    string text = await File.ReadAllTextAsync(answer.FullName, cancellationToken);
                    switch (AnswerKind(text))
                    {
                        case "modelSummaries":
                            foundationModels = text;
                            break;
                        case "inferenceProfileSummaries":
                            inferenceProfiles = text;
                            break;
                        default:
                            await error.WriteLineAsync($"promptgen models refresh: {answer.Name} is neither a list-foundation-models nor a list-inference-profiles answer (no 'modelSummaries' or 'inferenceProfileSummaries').");
                            return PromptGenCli.ExitUsage;
                    }
                }

                if (foundationModels is null)
                {
                    await error.WriteLineAsync("promptgen models refresh: --from-file needs the answer of 'aws bedrock list-foundation-models --output json' (and, for profiles, of 'aws bedrock list-inference-profiles').");
                    return PromptGenCli.ExitUsage;
                }
            }
            else
            {
                var options = new BedrockOptions { Region = region, Endpoint = endpoint, Profile = profile };
                using var client = new BedrockRuntimeClient(options);
                foundationModels = await BedrockModelLists.ListFoundationModelsAsync(client, null, cancellationToken);
                inferenceProfiles = await BedrockModelLists.ListInferenceProfilesAsync(client, null, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"promptgen models refresh: {exception.Message}");
            return PromptGenCli.ExitUsage;
        }
        catch (BedrockConfigurationException exception)
        {
            await error.WriteLineAsync($"promptgen models refresh: {exception.Message}");
            return PromptGenCli.ExitUsage;
        }
        catch (Exception exception) when (exception is BedrockException or JsonException)
        {
            await error.WriteLineAsync($"promptgen models refresh: listing the models failed: {exception.Message}");
            return 1;
        }

        string? existing = file.Exists ? await File.ReadAllTextAsync(file.FullName, cancellationToken) : null;
        RefreshResult result;
        try
        {
            result = CatalogRefresh.Apply(
                PromptGen.Generators.Catalog.ModelCatalog.BuiltIn, existing, foundationModels, inferenceProfiles, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        catch (RefreshInputException exception)
        {
            await error.WriteLineAsync($"promptgen models refresh: {file.Name}: {exception.Message}");
            return PromptGenCli.ExitUsage;
        }

        if (result.Changed || existing is null)
        {
            await File.WriteAllTextAsync(file.FullName, result.Text, cancellationToken);
        }

        await output.WriteLineAsync(result.Changed
            ? $"{file.Name}: {result.Added.Count} model(s) added, {result.Updated.Count} updated"
            : $"{file.Name}: up to date");
        foreach (string id in result.Added)
        {
            await output.WriteLineAsync($"  added   {id}");
        }

        foreach (string id in result.Updated)
        {
            await output.WriteLineAsync($"  updated {id}");
        }

        return 0;
    }

    private static string? AnswerKind(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("modelSummaries", out _) ? "modelSummaries"
                : root.TryGetProperty("inferenceProfileSummaries", out _) ? "inferenceProfileSummaries"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ModelTable?> LoadAsync(FileInfo[]? files, TextWriter error)
    {
        try
        {
            return EmulatorCatalog.Load((files ?? []).Select(file => file.FullName));
        }
        catch (InvalidDataException exception)
        {
            await error.WriteLineAsync($"promptgen models: {exception.Message.Replace("The emulator cannot", "PromptGen cannot", StringComparison.Ordinal)}");
            return null;
        }
    }
}
