using System;
using System.Collections.Generic;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Auth;

/// <summary>Who the request claims to be and whether the emulator lets it in; <see cref="Error"/> is null when it does.</summary>
internal sealed record AuthenticationResult(string Scheme, IReadOnlyList<string> SignedHeaders, bool SignatureValid, EmulatorError? Error)
{
    public static AuthenticationResult Refused(string scheme, EmulatorError error) =>
        new(scheme, Array.Empty<string>(), false, error);
}
