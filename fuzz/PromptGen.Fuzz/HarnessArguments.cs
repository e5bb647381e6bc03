using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PromptGen.Reliability;

/// <summary>A command line the harness refuses, with the reason; the harness prints it with the usage and exits 2.</summary>
public sealed class HarnessUsageException(string message) : Exception(message);

/// <summary>
/// The harness's command line: <c>fuzz &lt;target&gt; [options]</c> or <c>load [options]</c>, each option written
/// <c>--name value</c> or <c>--name=value</c>. Every option is read (before issue 24, the first option after
/// <c>load</c> was skipped as if it were a fuzz target, so <c>load --calls 5000</c> ran the default 20,000 calls), and
/// an unknown option, a missing value or a stray argument is refused rather than ignored.
/// </summary>
public sealed class HarnessArguments
{
    public static readonly string Usage =
        $"usage: fuzz <{string.Join('|', Targets.FuzzTargets.Names)}|all> [--inputs N] [--seed S] [--per-input-ms M] [--findings DIR]\n"
        + "       load [--calls N] [--concurrency C] [--share 0.2] [--seed S] [--base-delay-ms 1000]";

    private static readonly Dictionary<string, string[]> OptionsOf = new(StringComparer.Ordinal)
    {
        ["fuzz"] = ["inputs", "seed", "per-input-ms", "findings"],
        ["load"] = ["calls", "concurrency", "share", "seed", "base-delay-ms"],
    };

    private readonly Dictionary<string, string> _options;

    private HarnessArguments(string command, string? target, Dictionary<string, string> options)
    {
        Command = command;
        Target = target;
        _options = options;
    }

    /// <summary><c>fuzz</c>, <c>load</c> or <c>help</c>.</summary>
    public string Command { get; }

    /// <summary>The fuzz target (<c>fuzz</c> only).</summary>
    public string? Target { get; }

    /// <summary>The options given, by name without the dashes.</summary>
    public IReadOnlyDictionary<string, string> Options => _options;

    /// <exception cref="HarnessUsageException">The command line is not one the harness runs.</exception>
    public static HarnessArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            return new HarnessArguments("help", null, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        string command = args[0];
        if (!OptionsOf.TryGetValue(command, out string[]? known))
        {
            throw new HarnessUsageException($"Unknown command '{command}': fuzz or load.");
        }

        int next = 1;
        string? target = null;
        if (command == "fuzz")
        {
            if (args.Count < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new HarnessUsageException("fuzz needs a target: model-json, repair-loop, event-stream, invoke-stream, invoke-bodies, image-header, knowledge-bases, kb-stream, catalog-file, batch-output or all.");
            }

            target = args[1];
            next = 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = next; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new HarnessUsageException($"Unexpected argument '{arg}': options are written --name value.");
            }

            string name = arg[2..];
            string? value = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new HarnessUsageException($"Unknown option --{name} for {command}: {string.Join(", ", known.Select(k => "--" + k))}.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new HarnessUsageException($"--{name} needs a value.");
                }

                value = args[++i];
            }

            if (!options.TryAdd(name, value))
            {
                throw new HarnessUsageException($"--{name} is given twice.");
            }
        }

        return new HarnessArguments(command, target, options);
    }

    /// <summary>The option as a whole number of at least <paramref name="minimum"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public int Int(string name, int fallback, int minimum = 1)
    {
        if (!_options.TryGetValue(name, out string? value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed) && parsed >= minimum
            ? parsed
            : throw new HarnessUsageException(
                minimum == int.MinValue ? $"--{name} must be a whole number; got '{value}'." : $"--{name} must be a whole number of at least {minimum}; got '{value}'.");
    }

    /// <summary>The option as a share from 0 to 1, or <paramref name="fallback"/> when it is not given.</summary>
    public double Share(string name, double fallback)
    {
        if (!_options.TryGetValue(name, out string? value))
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double parsed) && parsed is >= 0 and <= 1
            ? parsed
            : throw new HarnessUsageException($"--{name} must be a share from 0 to 1, such as 0.2; got '{value}'.");
    }

    /// <summary>The option's text, or null when it is not given.</summary>
    public string? Text(string name) => _options.GetValueOrDefault(name);
}
