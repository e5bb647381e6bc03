using System;

namespace PromptGen.Tool.Playground;

/// <summary>What <c>promptgen playground</c> was given cannot be served: a message for the user, exit code 2.</summary>
internal sealed class PlaygroundSetupException(string message) : Exception(message);
