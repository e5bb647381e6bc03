using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        options.KnowledgeBaseEndpoint = ReadUri(section, nameof(BedrockOptions.KnowledgeBaseEndpoint)) ?? options.KnowledgeBaseEndpoint;
        options.UseFips = ReadBool(section, nameof(BedrockOptions.UseFips)) ?? options.UseFips;
        options.UseDualStack = ReadBool(section, nameof(BedrockOptions.UseDualStack)) ?? options.UseDualStack;
        options.EnableSensitiveData = ReadBool(section, nameof(BedrockOptions.EnableSensitiveData)) ?? options.EnableSensitiveData;
        options.Timeout = ReadTimeSpan(section, nameof(BedrockOptions.Timeout)) ?? options.Timeout;
        options.StreamTimeout = ReadTimeSpan(section, nameof(BedrockOptions.StreamTimeout)) ?? options.StreamTimeout;
        options.StreamIdleTimeout = ReadTimeSpan(section, nameof(BedrockOptions.StreamIdleTimeout)) ?? options.StreamIdleTimeout;
        options.MaxResponseSize = ReadLong(section, nameof(BedrockOptions.MaxResponseSize)) ?? options.MaxResponseSize;

        foreach (IConfigurationSection mapping in section.GetSection(nameof(BedrockOptions.KnowledgeBaseIds)).GetChildren())
        {
            if (mapping.Value is { Length: > 0 } knowledgeBaseId)
            {
                options.KnowledgeBaseIds[mapping.Key] = knowledgeBaseId;
            }
        }

        // "ModelCatalogFiles": ["promptgen.models.json"] arrives as ModelCatalogFiles:0, :1, … in key order; a list in
        // configuration replaces the options' list, as any configured value replaces the default.
        List<string> catalogFiles = section.GetSection(nameof(BedrockOptions.ModelCatalogFiles)).GetChildren()
            .Where(file => file.Value is { Length: > 0 })
            .OrderBy(file => int.TryParse(file.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int position) ? position : int.MaxValue)
            .ThenBy(file => file.Key, StringComparer.Ordinal)
            .Select(file => file.Value!)
            .ToList();
        if (catalogFiles.Count > 0)
        {
            options.ModelCatalogFiles = catalogFiles;
        }

        IConfigurationSection retry = section.GetSection(nameof(BedrockOptions.Retry));
        BedrockRetryOptions target = options.Retry;
        Apply(retry, nameof(BedrockRetryOptions.MaxAttempts), ReadInt(retry, nameof(BedrockRetryOptions.MaxAttempts)), value => target.MaxAttempts = value);
        Apply(retry, nameof(BedrockRetryOptions.BaseDelay), ReadTimeSpan(retry, nameof(BedrockRetryOptions.BaseDelay)), value => target.BaseDelay = value);
        Apply(retry, nameof(BedrockRetryOptions.MaxDelay), ReadTimeSpan(retry, nameof(BedrockRetryOptions.MaxDelay)), value => target.MaxDelay = value);
        Apply(retry, nameof(BedrockRetryOptions.AttemptTimeout), ReadTimeSpan(retry, nameof(BedrockRetryOptions.AttemptTimeout)), value => target.AttemptTimeout = value);
        Apply(retry, nameof(BedrockRetryOptions.UseRetryQuota), ReadBool(retry, nameof(BedrockRetryOptions.UseRetryQuota)), value => target.UseRetryQuota = value);
        Apply(retry, nameof(BedrockRetryOptions.RetryQuotaCapacity), ReadInt(retry, nameof(BedrockRetryOptions.RetryQuotaCapacity)), value => target.RetryQuotaCapacity = value);
    }

    /// <summary>Sets a value the retry options check themselves, turning their refusal into one that names the key.</summary>
    private static void Apply<T>(IConfiguration section, string key, T? value, Action<T> set)
        where T : struct
    {
        if (value is not { } present)
        {
            return;
        }

        try
        {
            set(present);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"Configuration value '{Path(section, key)}' is not valid: {e.Message}", e);
        }
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

    private static long? ReadLong(IConfiguration section, string key) =>
        ReadString(section, key) is not { } text ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value
        : throw Invalid(section, key, "a whole number of bytes");

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
