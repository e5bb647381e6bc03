using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PromptGen.DependencyInjection;

/// <summary>Binds <see cref="BedrockOptions"/> from a configuration section; runs before the code's configure callbacks.</summary>
internal sealed class BedrockConfigurationSetup : IConfigureOptions<BedrockOptions>
{
    private readonly IConfiguration? _section;

    /// <summary>Binds the <c>"PromptGen"</c> section of the application's configuration, when there is one.</summary>
    public BedrockConfigurationSetup(IServiceProvider services)
    {
        var configuration = (IConfiguration?)services.GetService(typeof(IConfiguration));
        _section = configuration?.GetSection(BedrockOptions.SectionName);
    }

    /// <summary>Binds the given section.</summary>
    public BedrockConfigurationSetup(IConfiguration section) => _section = section ?? throw new ArgumentNullException(nameof(section));

    public void Configure(BedrockOptions options)
    {
        if (_section is not null)
        {
            BedrockOptionsConfiguration.Bind(_section, options);
        }
    }
}
