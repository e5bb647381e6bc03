using System;
using Microsoft.Extensions.Http;
using PromptGen.Bedrock.Authentication;

namespace PromptGen.DependencyInjection;

/// <summary>
/// Puts PromptGen's signer inside the primary handler of the <see cref="BedrockOptions.HttpClientName"/> client,
/// after every other configuration has run (the application's <c>ConfigurePrimaryHttpMessageHandler</c>, its
/// handlers, loggers and filters), so that every additional handler, the factory's own logging included, runs
/// outside the signer and never sees a credential. <c>AddPromptGen()</c> registers it before every other filter: the
/// first filter wraps the others and so finishes last.
/// </summary>
internal sealed class SigningHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (string.Equals(builder.Name, BedrockOptions.HttpClientName, StringComparison.Ordinal) && builder.PrimaryHandler is { } primary)
            {
                builder.PrimaryHandler = new RequestSigningHandler(primary);
            }
        };
    }
}
