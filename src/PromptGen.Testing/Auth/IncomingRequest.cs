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
    /// <summary>
    /// The values of a header. HTTP/2 carries the host as the <c>:authority</c> pseudo-header, which SDKs sign
    /// under that name and Kestrel reports as <c>Host</c>: either name finds it.
    /// </summary>
    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.TryGetValue(name, out IReadOnlyList<string>? values) ? values
        : string.Equals(name, ":authority", StringComparison.Ordinal) && Headers.TryGetValue("Host", out IReadOnlyList<string>? host) ? host
        : Array.Empty<string>();

    public string? SingleHeader(string name)
    {
        IReadOnlyList<string> values = HeaderValues(name);
        return values.Count == 0 ? null : string.Join(",", values);
    }
}
