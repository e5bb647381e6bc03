using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PromptGen.DependencyInjection;

/// <summary>
/// Reads <see cref="BedrockOptions"/> from a configuration section. Written out rather than using the reflection
/// binder so it stays trimming- and NativeAOT-safe, and so a bad value names its key and what was expected.
/// </summary>
internal static class BedrockOptionsConfiguration
{
    public static void Bind(IConfiguration section, BedrockOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);

        options.Region = ReadString(section, nameof(BedrockOptions.Region)) ?? options.Region;
        options.Profile = ReadString(section, nameof(BedrockOptions.Profile)) ?? options.Profile;
        options.BearerToken = ReadString(section, nameof(BedrockOptions.BearerToken)) ?? options.BearerToken;
        options.DefaultModel = ReadString(section, nameof(BedrockOptions.DefaultModel)) ?? options.DefaultModel;
        options.Endpoint = ReadUri(section, nameof(BedrockOptions.Endpoint)) ?? options.Endpoint;
        options.UseFips = ReadBool(section, nameof(BedrockOptions.UseFips)) ?? options.UseFips;
        options.UseDualStack = ReadBool(section, nameof(BedrockOptions.UseDualStack)) ?? options.UseDualStack;
        options.EnableSensitiveData = ReadBool(section, nameof(BedrockOptions.EnableSensitiveData)) ?? options.EnableSensitiveData;
        options.Timeout = ReadTimeSpan(section, nameof(BedrockOptions.Timeout)) ?? options.Timeout;

        IConfigurationSection retry = section.GetSection(nameof(BedrockOptions.Retry));
        options.Retry.MaxAttempts = ReadInt(retry, nameof(BedrockRetrySettings.MaxAttempts)) ?? options.Retry.MaxAttempts;
        options.Retry.BaseDelay = ReadTimeSpan(retry, nameof(BedrockRetrySettings.BaseDelay)) ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = ReadTimeSpan(retry, nameof(BedrockRetrySettings.MaxDelay)) ?? options.Retry.MaxDelay;
        options.Retry.AttemptTimeout = ReadTimeSpan(retry, nameof(BedrockRetrySettings.AttemptTimeout)) ?? options.Retry.AttemptTimeout;
    }

    private static string? ReadString(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } value ? value : null;

    private static bool? ReadBool(IConfiguration section, string key) =>
        ReadString(section, key) is not { } text ? null
        : bool.TryParse(text, out bool value) ? value
        : throw Invalid(section, key, "true or false");

    private static int? ReadInt(IConfiguration section, string key) =>
        ReadString(section, key) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value
        : throw Invalid(section, key, "a whole number");

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        ReadString(section, key) is not { } text ? null
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) ? value
        : throw Invalid(section, key, "a time span such as 00:02:00 (two minutes) or -00:00:00.001 (infinite)");

    private static Uri? ReadUri(IConfiguration section, string key) =>
        ReadString(section, key) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out Uri? value) ? value
        : throw Invalid(section, key, "an absolute URI such as https://bedrock-runtime.us-east-1.amazonaws.com");

    // The value is not echoed: the key could be a secret's neighbour, and the path is enough to find it.
    private static InvalidOperationException Invalid(IConfiguration section, string key, string expected) =>
        new($"Configuration value '{Path(section, key)}' is not valid: expected {expected}.");

    private static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection named ? ConfigurationPath.Combine(named.Path, key) : key;
}
