using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>samples/Multimodal runs offline and shows the image and document blocks each prompt sent.</summary>
public sealed class MultimodalProgramTests
{
    [Fact]
    public async Task The_sample_sends_its_embedded_image_and_document_and_prints_what_was_received()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Multimodal.dll"));
        foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_BEARER_TOKEN_BEDROCK" })
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Multimodal did not finish within 60 s");
        }

        string text = await output;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{text}\n{await errors}");
        Assert.Contains("(with image (png, 91 bytes))", text, StringComparison.Ordinal);
        Assert.Contains("sent:    image (png, 91 bytes) | document 'Contoso mug listing' (md, 116 bytes) | text (77 characters)", text, StringComparison.Ordinal);
        Assert.Contains("result:  matches: False; The photo shows no lid", text, StringComparison.Ordinal);
        Assert.Contains("sent:    text (47 characters) | document 'Product listing' (md, 116 bytes)", text, StringComparison.Ordinal);
        Assert.Contains("refused before sending: Bedrock refuses the document name 'listing.md'", text, StringComparison.Ordinal);
    }
}
