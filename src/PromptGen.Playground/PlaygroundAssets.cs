using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PromptGen.Playground;

/// <summary>Serves the page's three files from the assembly's embedded resources.</summary>
internal sealed class PlaygroundAssets
{
    private readonly string _title;
    private readonly string _basePath;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <param name="title">The page's title.</param>
    /// <param name="basePath">The playground's path with a trailing slash: the page's base URL, so /playground and /playground/ both load app.js.</param>
    public PlaygroundAssets(string title, string basePath)
    {
        _title = title;
        _basePath = basePath;
    }

    public async Task WriteAsync(HttpContext context, string name)
    {
        byte[] content = _files.GetOrAdd(name, Load);
        context.Response.ContentType = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "text/css; charset=utf-8",
        };
        // The page loads nothing from elsewhere; say so to the browser too.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    private byte[] Load(string name)
    {
        using Stream stream = typeof(PlaygroundAssets).Assembly.GetManifestResourceStream("PromptGen.Playground." + name)
            ?? throw new InvalidOperationException($"The playground's resource '{name}' is missing from its assembly.");
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd();
        if (name == "index.html")
        {
            text = text.Replace("{{title}}", WebUtility.HtmlEncode(_title), StringComparison.Ordinal)
                .Replace("{{base}}", WebUtility.HtmlEncode(_basePath), StringComparison.Ordinal);
        }

        return System.Text.Encoding.UTF8.GetBytes(text);
    }
}
