namespace PromptGen.Playground;

/// <summary>How <see cref="Microsoft.AspNetCore.Builder.PromptPlaygroundEndpointRouteBuilderExtensions.MapPromptPlayground"/> serves the playground.</summary>
public sealed class PromptPlaygroundOptions
{
    /// <summary>Where the page is served; its JSON endpoints are under <c>{Path}/api</c>. Default <c>/playground</c>.</summary>
    public string Path { get; set; } = "/playground";

    /// <summary>
    /// Serve requests from other machines too. Off by default: the playground runs prompts with the app's
    /// credentials, so only requests from the machine itself (a loopback address, to a loopback host name) are
    /// answered, and every other one gets 403.
    /// </summary>
    public bool AllowRemoteRequests { get; set; }

    /// <summary>The page's title. Default <c>PromptGen playground</c>.</summary>
    public string Title { get; set; } = "PromptGen playground";
}
