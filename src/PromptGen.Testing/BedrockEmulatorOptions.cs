using System;
using System.Collections.Generic;

namespace PromptGen.Testing;

/// <summary>
/// How a <see cref="BedrockEmulator"/> listens and whom it lets in. The emulator copies these values when it starts;
/// later changes to this object have no effect on a running emulator (use <see cref="BedrockEmulator.Script"/> for that).
/// </summary>
public sealed class BedrockEmulatorOptions
{
    /// <summary>The TCP port on 127.0.0.1. 0 (the default) picks any free port; read it back from <see cref="BedrockEmulator.Endpoint"/>.</summary>
    public int Port { get; set; }

    /// <summary>The port of the cleartext HTTP/2 (h2c) listener; 0 (the default) picks a free one.</summary>
    public int Http2Port { get; set; }

    /// <summary>The region that SigV4 credential scopes must name.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Accepted SigV4 credentials: access key id to secret access key. Holds <see cref="EmulatorCredentials"/> by default.
    /// </summary>
    public IDictionary<string, string> Credentials { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EmulatorCredentials.AccessKeyId] = EmulatorCredentials.SecretAccessKey,
    };

    /// <summary>Accepted Bedrock API keys, sent as <c>Authorization: Bearer &lt;key&gt;</c>. Empty by default.</summary>
    public ISet<string> BearerTokens { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// How far <c>X-Amz-Date</c> may lie from the emulator's clock, either way. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// turns the check off.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The clock that signature dates are checked against. Scripted delays always use real time, so a frozen clock here
    /// cannot stall a reply.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Refuse, as the real service does, what a catalogued model does not support: a retired model (404
    /// ResourceNotFoundException), a profile-only model called by base id, <c>maxTokens</c> above the model's limit, and
    /// <c>system</c>, <c>toolConfig</c>, forced tool choice, <c>outputConfig</c> or media blocks the model lacks (400
    /// ValidationException). Ids the catalog does not know are governed by <see cref="AllowUnknownModels"/>. On by default; see docs/models.md.
    /// </summary>
    public bool EnforceModelCapabilities { get; set; } = true;

    /// <summary>
    /// Answer model ids the catalog does not know (and ARNs of application inference profiles, provisioned or custom
    /// models) instead of refusing them. False by default: such an id gets the 400 <c>ValidationException</c> "The provided
    /// model identifier is invalid." that Bedrock sends, so a typo in a model id fails in tests as it would in
    /// production. To let a few ids through, add them to <see cref="AdditionalModelIds"/> instead.
    /// </summary>
    public bool AllowUnknownModels { get; set; }

    /// <summary>
    /// Model ids answered although the catalog does not know them, exactly as they appear in the request path (a new
    /// model, an application inference profile ARN, a custom model). Empty by default.
    /// </summary>
    public ISet<string> AdditionalModelIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Project model catalog files (<c>promptgen.models.json</c>, docs/model-catalog.md) laid over the built-in catalog, in
    /// order, so the emulator knows the models, limits and retirements the project's build knows. Empty by default. A
    /// file that cannot be read stops the emulator from starting with an <see cref="System.IO.InvalidDataException"/> naming
    /// the file, line and column.
    /// </summary>
    public IList<string> ModelCatalogFiles { get; } = new List<string>();

    /// <summary>
    /// What a valid call that no script rule answers gets; <see cref="UnmatchedCallPolicy.FailWhenScripted"/> by default.
    /// </summary>
    public UnmatchedCallPolicy UnmatchedCalls { get; set; } = UnmatchedCallPolicy.FailWhenScripted;

    /// <summary>
    /// Knowledge bases to serve (Retrieve, RetrieveAndGenerate): knowledge base id (1 to 10 letters and digits, e.g.
    /// <c>KBDOCS0001</c>) to a folder whose <c>.md</c>, <c>.markdown</c> and <c>.txt</c> files are chunked and ranked with
    /// BM25. A file's metadata comes from a sidecar <c>{file}.metadata.json</c> (<c>{"metadataAttributes": {...}}</c>);
    /// locations are <c>s3://promptgen-kb-{id}/{relative path}</c>. Other ids are 404 ResourceNotFoundException. Loaded
    /// when the emulator starts. See docs/knowledge-bases.md.
    /// </summary>
    public IDictionary<string, string> KnowledgeBases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Called once per request when its response is settled (refused and aborted requests included), e.g. for logging:
    /// just before the last byte of the response is sent, so it has run by the time the client has its answer, or when
    /// the emulator notices a client that went away. It runs on the request's thread; keep it quick.
    /// </summary>
    public Action<RecordedRequest>? RequestCompleted { get; set; }
}
