using System.Collections.Generic;
using System.Globalization;

namespace PromptGen.Emulator;

/// <summary>The parsed command line of promptgen-emulator.</summary>
internal sealed class EmulatorArguments
{
    public const string Usage =
        """
        Usage: promptgen-emulator [options]

        Runs a local Amazon Bedrock Runtime emulator (Converse, ConverseStream) on 127.0.0.1 until Ctrl+C or SIGTERM.
        The first line printed is "Listening on http://127.0.0.1:<port>" (HTTP/1.1), the second
        "HTTP/2 (h2c, prior knowledge) on http://127.0.0.1:<port>"; then one line per request.

        Options:
          --port <n>            TCP port; 0 picks any free port (default: 0)
          --http2-port <n>      TCP port of the cleartext HTTP/2 listener; 0 picks any free port (default: 0)
          --script <file.json>  rules for scripted replies (see EmulatorScript.LoadJson for the schema)
          --region <region>     region SigV4 credential scopes must name (default: us-east-1)
          --bearer-token <t>    accept this Bedrock API key as "Authorization: Bearer <t>"; repeatable
          --no-model-checks     accept every request member for every model (no per-model rules; see docs/models.md)
          --help                show this text

        SigV4 credentials accepted: AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY.
        """;

    public int Port { get; private set; }

    public int Http2Port { get; private set; }

    public string? ScriptPath { get; private set; }

    public string Region { get; private set; } = "us-east-1";

    public List<string> BearerTokens { get; } = new();

    public bool ShowHelp { get; private set; }

    public bool EnforceModelCapabilities { get; private set; } = true;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="problem"/> says why.</summary>
    public static EmulatorArguments? TryParse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        var parsed = new EmulatorArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            if (option is "--help" or "-h")
            {
                parsed.ShowHelp = true;
                continue;
            }

            if (option == "--no-model-checks")
            {
                parsed.EnforceModelCapabilities = false;
                continue;
            }

            if (option is not ("--port" or "--http2-port" or "--script" or "--region" or "--bearer-token"))
            {
                problem = $"Unknown option '{option}'.";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].Length == 0)
            {
                problem = $"Option '{option}' needs a value.";
                return null;
            }

            string value = args[++i];
            switch (option)
            {
                case "--port" or "--http2-port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
                    {
                        problem = $"{option} needs a number from 0 to 65535; got '{value}'.";
                        return null;
                    }

                    if (option == "--port")
                    {
                        parsed.Port = port;
                    }
                    else
                    {
                        parsed.Http2Port = port;
                    }

                    break;
                case "--script":
                    parsed.ScriptPath = value;
                    break;
                case "--region":
                    parsed.Region = value;
                    break;
                default:
                    parsed.BearerTokens.Add(value);
                    break;
            }
        }

        return parsed;
    }
}
