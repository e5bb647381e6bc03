// Signs one request with the official signer (@smithy/signature-v4) and prints its headers as JSON.
//
//   node sign.mjs < request.json
//
// request.json: { method, hostname, port?, path (already percent-encoded, as on the wire), headers: {name: value},
//                 body (UTF-8 text), accessKeyId, secretAccessKey, sessionToken?, region, service, time (ISO 8601) }
import { SignatureV4 } from "@smithy/signature-v4";
import { Hash } from "@smithy/hash-node";

const request = JSON.parse(await readStdin());
const signer = new SignatureV4({
  service: request.service,
  region: request.region,
  credentials: {
    accessKeyId: request.accessKeyId,
    secretAccessKey: request.secretAccessKey,
    ...(request.sessionToken ? { sessionToken: request.sessionToken } : {}),
  },
  sha256: Hash.bind(null, "sha256"),
  // The SDK's rule for every service but S3: the wire path's segments are escaped again for the canonical URI.
  uriEscapePath: true,
  applyChecksum: true,
});

const signed = await signer.sign(
  {
    method: request.method,
    protocol: "http:",
    hostname: request.hostname,
    port: request.port,
    path: request.path,
    query: {},
    headers: request.headers,
    body: request.body,
  },
  { signingDate: new Date(request.time) });

process.stdout.write(JSON.stringify(signed.headers));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
