// Sends Knowledge Bases runtime calls (Retrieve, RetrieveAndGenerate, RetrieveAndGenerateStream) with the official AWS SDK for JavaScript
// (@aws-sdk/client-bedrock-agent-runtime) and prints what it made of the answers as one JSON document on stdout.
//
//   node kb-calls.mjs <endpoint> <http1|http2>   < calls.json
//
// calls.json: [{ "name", "operation": "retrieve" | "retrieveAndGenerate" | "retrieveAndGenerateStream", "input": { ... } }]
// Each result: { name, ok: true, output } (the response without $metadata; for the stream, { sessionId, events }
// with each event as the SDK's union member, e.g. { output: { text } }) or
// { name, ok: false, error: { name, message, fault, status } }.
import {
  BedrockAgentRuntimeClient,
  RetrieveCommand,
  RetrieveAndGenerateCommand,
  RetrieveAndGenerateStreamCommand,
} from "@aws-sdk/client-bedrock-agent-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, protocol] = process.argv.slice(2);
if (!endpoint || !["http1", "http2"].includes(protocol)) {
  console.error("usage: node kb-calls.mjs <endpoint> <http1|http2> < calls.json");
  process.exit(2);
}

const calls = JSON.parse(await readStdin());
const client = new BedrockAgentRuntimeClient({
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
  ...(protocol === "http1" ? { requestHandler: new NodeHttpHandler({ requestTimeout: 30000 }) } : {}),
});

const commands = {
  retrieve: RetrieveCommand,
  retrieveAndGenerate: RetrieveAndGenerateCommand,
  retrieveAndGenerateStream: RetrieveAndGenerateStreamCommand,
};
const results = [];
for (const call of calls) {
  try {
    const Command = commands[call.operation];
    if (!Command) throw new Error(`unknown operation ${call.operation}`);
    const { $metadata, ...output } = await client.send(new Command(call.input));
    if (output.stream) {
      // The SDK decodes the event stream itself: collect its union members; an in-stream exception throws here.
      const events = [];
      for await (const event of output.stream) events.push(event);
      output.stream = undefined;
      output.events = events;
    }
    results.push({ name: call.name, ok: true, output });
  } catch (error) {
    results.push({
      name: call.name,
      ok: false,
      error: { name: error.name, message: error.message, fault: error.$fault, status: error.$metadata?.httpStatusCode },
    });
  }
}

client.destroy();
process.stdout.write(JSON.stringify(results));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
