using System.Collections.Generic;
using Microsoft.Extensions.Options;
using PromptGen.Bedrock.Configuration;

namespace PromptGen.DependencyInjection;

/// <summary>
/// Refuses settings the client would reject, naming the setting, when the options are first used. Retry settings
/// check themselves when set.
/// </summary>
internal sealed class BedrockOptionsValidator : IValidateOptions<BedrockOptions>
{
    public ValidateOptionsResult Validate(string? name, BedrockOptions options)
    {
        List<string> failures = BedrockOptionsLimits.Problems(options, "PromptGen:", "infinite (-00:00:00.001)");
        if (options.Endpoint is not null && (options.UseFips || options.UseDualStack))
        {
            failures.Add("PromptGen:Endpoint cannot be combined with UseFips or UseDualStack: a custom endpoint is used exactly as given.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
