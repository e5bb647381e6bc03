using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PromptGen.Playground;

// In ASP.NET Core's namespace, as its own Map* extensions are, so app.MapPromptPlayground() needs no using.
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the prompt playground into an ASP.NET Core app.</summary>
public static class PromptPlaygroundEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the prompt playground for <paramref name="descriptors"/> (e.g. <c>ITicketPrompts.Descriptors</c> of an
    /// interface marked <see cref="PromptGen.PromptDescriptorsAttribute"/>): a page listing the methods, with a form per method,
    /// the rendered prompt and exact request body as the inputs change, runs through the app's
    /// <see cref="PromptGen.IBedrockRuntime"/>, streamed answers, a history and two models side by side. Only requests from the
    /// machine itself are answered unless <see cref="PromptPlaygroundOptions.AllowRemoteRequests"/> is set; map it in
    /// development only.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="descriptors">The methods to offer.</param>
    /// <param name="configure">Changes the path, the title or remote access.</param>
    /// <returns>The playground's route group, for further conventions.</returns>
    public static IEndpointConventionBuilder MapPromptPlayground(
        this IEndpointRouteBuilder endpoints,
        IEnumerable<PromptGen.Descriptors.PromptDescriptor> descriptors,
        Action<PromptPlaygroundOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(descriptors);
        var options = new PromptPlaygroundOptions();
        configure?.Invoke(options);
        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
        {
            throw new ArgumentException($"The playground's path must start with '/'; it is '{options.Path}'.", nameof(configure));
        }

        var catalog = new PlaygroundCatalog(descriptors);
        string path = options.Path.TrimEnd('/');
        RouteGroupBuilder group = endpoints.MapGroup(path);
        // Every handler checks access itself (rather than through an endpoint filter), so the refusal does not depend
        // on how a framework version binds the handlers.
        RequestDelegate Guarded(RequestDelegate handler) => context => PlaygroundAccess.IsAllowed(context, options)
            ? handler(context)
            : PlaygroundAccess.RefuseAsync(context);

        var assets = new PlaygroundAssets(options.Title, path + "/");
        group.MapGet("/", Guarded(context => assets.WriteAsync(context, "index.html")));
        group.MapGet("/app.js", Guarded(context => assets.WriteAsync(context, "app.js")));
        group.MapGet("/app.css", Guarded(context => assets.WriteAsync(context, "app.css")));
        group.MapGet("/api/methods", Guarded(context => PlaygroundApi.ListAsync(context, catalog)));
        group.MapPost("/api/preview", Guarded(context => PlaygroundApi.PreviewAsync(context, catalog)));
        group.MapPost("/api/run", Guarded(context => PlaygroundApi.RunAsync(context, catalog)));
        group.MapPost("/api/stream", Guarded(context => PlaygroundApi.StreamAsync(context, catalog)));
        return group;
    }
}
