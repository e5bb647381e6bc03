using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary><c>promptgen emulator</c> (the promptgen tool, src/PromptGen.Tool), run for real as a child process. Every wait is bounded.</summary>
public sealed class EmulatorExeTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    [Fact(Timeout = 60_000)]
    public async Task Prints_listening_first_answers_logs_and_stops_on_sigterm()
    {
        using EmulatorProcess emulator = EmulatorProcess.Start("--port", "0");

        string? firstLine = await emulator.ReadLineAsync(StartupTimeout);
        Match listening = Regex.Match(firstLine ?? string.Empty, @"^Listening on (http://127\.0\.0\.1:(\d+))$");
        Assert.True(listening.Success, $"first line: {firstLine}; stderr: {emulator.StandardError}");
        Assert.NotEqual("0", listening.Groups[2].Value);
        string? secondLine = await emulator.ReadLineAsync(StartupTimeout);
        Match h2c = Regex.Match(secondLine ?? string.Empty, @"^HTTP/2 \(h2c, prior knowledge\) on http://127\.0\.0\.1:(\d+)$");
        Assert.True(h2c.Success, $"second line: {secondLine}");
        Assert.NotEqual(listening.Groups[2].Value, h2c.Groups[1].Value);

        var endpoint = new Uri(listening.Groups[1].Value);
        using HttpRequestMessage request = Converse.Request(endpoint, Converse.HaikuModel, Converse.Body("hello exe"));
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);
        using HttpResponseMessage response = await Converse.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Emulated reply from {Converse.HaikuModel} to: hello exe", Converse.ReplyText(await response.Content.ReadAsStringAsync()));

        Assert.Equal("POST /model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse 200", await emulator.ReadLineAsync(StartupTimeout));

        if (OperatingSystem.IsWindows())
        {
            return; // no SIGTERM there; disposing kills the process
        }

        emulator.Terminate();
        Assert.Equal(0, await emulator.WaitForExitAsync(ExitTimeout));
    }

    [Fact(Timeout = 60_000)]
    public async Task Script_region_and_bearer_token_options_are_applied()
    {
        string script = Path.Combine(Path.GetTempPath(), $"emulator-script-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(script, """{"rules":[{"promptContains":"ticket","reply":{"text":"scripted by file"}}]}""");
        try
        {
            using EmulatorProcess emulator = EmulatorProcess.Start("--script", script, "--region", "eu-west-1", "--bearer-token", "key-1", "--bearer-token", "key-2");
            string? firstLine = await emulator.ReadLineAsync(StartupTimeout);
            Assert.True(firstLine?.StartsWith("Listening on ", StringComparison.Ordinal), $"first line: {firstLine}; stderr: {emulator.StandardError}");
            var endpoint = new Uri(firstLine!["Listening on ".Length..]);

            using HttpRequestMessage bearer = Converse.Request(endpoint, Converse.HaikuModel, Converse.Body("my ticket"));
            bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer key-2");
            using HttpResponseMessage scripted = await Converse.Http.SendAsync(bearer);
            Assert.Equal("scripted by file", Converse.ReplyText(await scripted.Content.ReadAsStringAsync()));

            using HttpRequestMessage signed = Converse.Request(endpoint, Converse.HaikuModel, Converse.Body("my ticket"));
            await TestSigV4Signer.SignAsync(signed, DateTimeOffset.UtcNow, new SigningOptions { Region = "eu-west-1" });
            using HttpResponseMessage regional = await Converse.Http.SendAsync(signed);
            Assert.Equal(HttpStatusCode.OK, regional.StatusCode);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Never_prints_a_credential_it_was_sent()
    {
        const string ApiKey = "bedrock-api-key-ZXhlTG9nUHJvYmU+leak/PROBE=apikey0123456789";
        const string WrongApiKey = "bedrock-api-key-d3JvbmdFeGVQcm9iZQ+leak/PROBE=wrong98765";
        const string SessionToken = "IQoJb3JpZ2luX2VjExeLogProbe+session/TOKEN0123456789abcdefghijklmnop==";
        const string WrongSecret = "Wr0ngExe+secret/LEAKprobeKEY0123456789AbC";
        const string Basic = "Basic dXNlcjpleGVMb2dQcm9iZVBhc3N3b3JkMDEyMzQ1Njc4OQ==";
        using EmulatorProcess emulator = EmulatorProcess.Start("--port", "0", "--bearer-token", ApiKey);
        string? firstLine = await emulator.ReadLineAsync(StartupTimeout);
        Assert.True(firstLine?.StartsWith("Listening on ", StringComparison.Ordinal), $"first line: {firstLine}; stderr: {emulator.StandardError}");
        var endpoint = new Uri(firstLine!["Listening on ".Length..]);

        var sentAuthorizations = new List<string>();
        foreach (string scheme in new[] { "api key", "wrong api key", "sigv4", "wrong secret", "basic" })
        {
            using HttpRequestMessage request = Converse.Request(endpoint, Converse.HaikuModel, Converse.Body("hello " + scheme));
            switch (scheme)
            {
                case "api key" or "wrong api key":
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (scheme == "api key" ? ApiKey : WrongApiKey));
                    break;
                case "basic":
                    request.Headers.TryAddWithoutValidation("Authorization", Basic);
                    break;
                default:
                    await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow, scheme == "sigv4"
                        ? new SigningOptions { SessionToken = SessionToken }
                        : new SigningOptions { SessionToken = SessionToken, SecretAccessKey = WrongSecret });
                    break;
            }

            sentAuthorizations.Add(string.Join(",", request.Headers.GetValues("Authorization")));
            using HttpResponseMessage response = await Converse.Http.SendAsync(request);
        }

        if (!OperatingSystem.IsWindows())
        {
            emulator.Terminate();
            Assert.Equal(0, await emulator.WaitForExitAsync(ExitTimeout));
        }

        var output = new StringBuilder();
        for (string? line = await emulator.ReadLineAsync(TimeSpan.FromSeconds(5)); line is not null; line = await emulator.ReadLineAsync(TimeSpan.FromSeconds(1)))
        {
            output.AppendLine(line);
        }

        string printed = output + emulator.StandardError;
        Assert.Equal(5, Regex.Matches(printed, "^POST /model/", RegexOptions.Multiline).Count);
        // The emulator's own example pair is printed on purpose (how to connect); nothing a client sent ever is.
        string[] credentials = { ApiKey, WrongApiKey, SessionToken, WrongSecret, Basic };
        foreach (string credential in credentials.Concat(sentAuthorizations))
        {
            Assert.DoesNotContain(credential, printed, StringComparison.Ordinal);
            Assert.DoesNotContain(credential.Length > 16 ? credential[^16..] : credential, printed, StringComparison.Ordinal);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--bogus")]
    [InlineData("--port")]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--script")]
    public async Task Bad_arguments_print_usage_and_exit_2(params string[] args)
    {
        using EmulatorProcess emulator = EmulatorProcess.Start(args);

        int exitCode = await emulator.WaitForExitAsync(StartupTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("promptgen emulator [options]", emulator.StandardError, StringComparison.Ordinal);
        Assert.Null(await emulator.ReadLineAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Invalid_script_file_is_reported_with_exit_2()
    {
        string script = Path.Combine(Path.GetTempPath(), $"emulator-script-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(script, """{"rules":[{"promtContains":"typo","reply":{"text":"x"}}]}""");
        try
        {
            using EmulatorProcess emulator = EmulatorProcess.Start("--script", script);

            Assert.Equal(2, await emulator.WaitForExitAsync(StartupTimeout));
            Assert.Contains($"Invalid emulator script '{script}': rules[0] has unknown member 'promtContains'", emulator.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--models", "{ \"asOf\": \"2026-12-01\", \"models\": [ { \"id\": \"amazon.nova-micro-v1:0\", \"limits\": { \"maxOutputTokens\": -1 } } ] }", "'maxOutputTokens' must be a whole number")]
    [InlineData("--models", null, "cannot read its model catalog file")]
    [InlineData("--knowledge-base", null, "KBDOCS0001")]
    public async Task An_input_file_the_emulator_cannot_use_is_reported_with_exit_2(string option, string? content, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"emulator-input-{Guid.NewGuid():N}.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        try
        {
            string argument = option == "--knowledge-base" ? "KBDOCS0001=" + path : path;
            using EmulatorProcess emulator = EmulatorProcess.Start(option, argument);

            Assert.Equal(2, await emulator.WaitForExitAsync(StartupTimeout));
            Assert.Contains(expected, emulator.StandardError, StringComparison.Ordinal);
            Assert.StartsWith("promptgen emulator: ", emulator.StandardError.TrimStart(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Help_prints_usage_and_exits_0()
    {
        using EmulatorProcess emulator = EmulatorProcess.Start("--help");

        Assert.Equal(0, await emulator.WaitForExitAsync(StartupTimeout));
        string help = await ReadToEndAsync(emulator);
        Assert.Contains("promptgen emulator [options]", help, StringComparison.Ordinal);
        Assert.Contains("--bearer-token", help, StringComparison.Ordinal);
    }

    /// <summary>
    /// After the two machine-read lines, standard error tells a person how to point an app at the emulator: the
    /// endpoint variable with the real port, the region, the emulator's example credentials, never a given API key.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task Prints_how_to_point_an_app_at_it_without_the_api_keys()
    {
        const string ApiKey = "bedrock-api-key-SG93VG9Db25uZWN0UHJvYmU=connect0123456789";
        using EmulatorProcess emulator = EmulatorProcess.Start("--port", "0", "--region", "eu-west-1", "--bearer-token", ApiKey);
        string? firstLine = await emulator.ReadLineAsync(StartupTimeout);
        Assert.True(firstLine?.StartsWith("Listening on ", StringComparison.Ordinal), $"first line: {firstLine}; stderr: {emulator.StandardError}");
        string endpoint = firstLine!["Listening on ".Length..];

        string hint = string.Empty;
        for (int i = 0; i < 100 && !hint.Contains("Ctrl+C", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            hint = emulator.StandardError;
        }

        Assert.Contains($"export AWS_ENDPOINT_URL_BEDROCK_RUNTIME={endpoint}\n", hint.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("export AWS_REGION=eu-west-1", hint, StringComparison.Ordinal);
        Assert.Contains($"export AWS_ACCESS_KEY_ID={EmulatorCredentials.AccessKeyId}", hint, StringComparison.Ordinal);
        Assert.Contains($"export AWS_SECRET_ACCESS_KEY={EmulatorCredentials.SecretAccessKey}", hint, StringComparison.Ordinal);
        Assert.Contains("export AWS_BEARER_TOKEN_BEDROCK=<your key>", hint, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, hint, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey[^16..], hint, StringComparison.Ordinal);
    }

    /// <summary>
    /// The help of 'promptgen' and of 'promptgen emulator', compared with approved copies in Snapshots/. A difference
    /// fails and writes a .received.txt next to the approved file; accept it with PROMPTGEN_ACCEPT_SNAPSHOTS=1.
    /// </summary>
    [Theory(Timeout = 60_000)]
    [InlineData("promptgen-help.txt", "--help")]
    [InlineData("promptgen-emulator-help.txt", "emulator", "--help")]
    [InlineData("promptgen-playground-help.txt", "playground", "--help")]
    public async Task Help_output_matches_the_approved_snapshot(string snapshot, params string[] args)
    {
        using EmulatorProcess tool = EmulatorProcess.StartTool(args);
        Assert.Equal(0, await tool.WaitForExitAsync(StartupTimeout));
        string help = await ReadToEndAsync(tool);

        HelpSnapshot.Match(snapshot, help);
    }

    private static async Task<string> ReadToEndAsync(EmulatorProcess process)
    {
        var output = new StringBuilder();
        for (string? line = await process.ReadLineAsync(TimeSpan.FromSeconds(5)); line is not null; line = await process.ReadLineAsync(TimeSpan.FromSeconds(1)))
        {
            output.AppendLine(line);
        }

        return output.ToString();
    }
}
