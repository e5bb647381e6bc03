// Sends Converse / ConverseStream / InvokeModel / InvokeModelWithResponseStream calls with the official AWS SDK for
// JavaScript and prints what it made of the answers as one JSON document on stdout.
//
//   node sdk-calls.mjs <endpoint> <http1|http2>   < calls.json
//
// calls.json: [{ "name", "operation": "converse" | "converseStream" | "invokeModel" | "invokeModelWithResponseStream",
//                "modelId", "input": { ... } }]
// Converse input: a ConverseRequest. InvokeModel input: the command's members, with "body" given as a JSON value (the
// script serialises it, as an application would with JSON.stringify) or a string sent as it is.
// A {"$base64": "..."} value anywhere in an input becomes a Uint8Array (blob members such as image bytes).
// Each result: { name, ok: true, output } or { name, ok: false, error: { name, message, fault, status } }, where
// output is the response without $metadata, or for a stream the list of events as the SDK parsed them. An InvokeModel
// output's body is the parsed JSON (or {"$text"} when it is not JSON); a stream's chunks are listed decoded the same way.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, protocol] = process.argv.slice(2);
if (!endpoint || !["http1", "http2"].includes(protocol)) {
  console.error("usage: node sdk-calls.mjs <endpoint> <http1|http2> < calls.json");
  process.exit(2);
}

const calls = JSON.parse(await readStdin(), (_, value) =>
  value && typeof value === "object" && typeof value.$base64 === "string" ? Buffer.from(value.$base64, "base64") : value);

const client = new BedrockRuntimeClient({
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
  // http2: the client's own default handler (NodeHttp2Handler, h2 with prior knowledge on http://).
  ...(protocol === "http1" ? { requestHandler: new NodeHttpHandler({ requestTimeout: 30000 }) } : {}),
});

const results = [];
for (const call of calls) {
  try {
    const input = { modelId: call.modelId, ...call.input };
    if (call.operation === "invokeModel" || call.operation === "invokeModelWithResponseStream") {
      const { body, ...rest } = call.input;
      const input = {
        modelId: call.modelId,
        ...rest,
        body: new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body)),
      };
      if (call.operation === "invokeModel") {
        const { $metadata, body: answer, ...output } = await client.send(new InvokeModelCommand(input));
        results.push({ name: call.name, ok: true, output: { ...output, body: decode(answer) } });
      } else {
        const { $metadata, body: stream, ...output } = await client.send(new InvokeModelWithResponseStreamCommand(input));
        const chunks = [];
        for await (const event of stream) {
          chunks.push(event.chunk ? decode(event.chunk.bytes) : { $event: Object.keys(event)[0] });
        }
        results.push({ name: call.name, ok: true, output: { ...output, chunks } });
      }
    } else if (call.operation === "converseStream") {
      const response = await client.send(new ConverseStreamCommand(input));
      const events = [];
      for await (const event of response.stream) {
        events.push(event);
      }
      results.push({ name: call.name, ok: true, output: events });
    } else {
      const { $metadata, ...output } = await client.send(new ConverseCommand(input));
      results.push({ name: call.name, ok: true, output });
    }
  } catch (error) {
    results.push({
      name: call.name,
      ok: false,
      error: { name: error.name, message: error.message, fault: error.$fault, status: error.$metadata?.httpStatusCode },
    });
  }
}

client.destroy();
process.stdout.write(JSON.stringify(results, (_, value) =>
  value instanceof Uint8Array ? { $base64: Buffer.from(value).toString("base64") } : value));

function decode(bytes) {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return { $text: text };
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
