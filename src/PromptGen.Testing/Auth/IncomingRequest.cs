using System;
using System.Collections.Generic;

namespace PromptGen.Testing.Auth;

/// <summary>
/// A request as it arrived on the wire, detached from ASP.NET Core so the verifier can be driven by hand-built inputs.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The path exactly as sent, still percent-encoded.</param>
/// <param name="RawQuery">The query string as sent, without the leading '?'; empty when there is none.</param>
/// <param name="Headers">Header name (any case) to the values of each occurrence.</param>
/// <param name="Body">The body bytes as received.</param>
internal sealed record IncomingRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    byte[] Body)
{
    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.TryGetValue(name, out IReadOnlyList<string>? values) ? values : Array.Empty<string>();

    public string? SingleHeader(string name)
    {
        IReadOnlyList<string> values = HeaderValues(name);
        return values.Count == 0 ? null : string.Join(",", values);
    }
}
