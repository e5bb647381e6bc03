// The official event-stream codec (@smithy/eventstream-codec) on frames exchanged as hex.
//
//   node codec.mjs encode < messages.json   -> ["<hex frame>", ...]
//   node codec.mjs decode < frames.json     -> [message, ...]
//
// A message is { headers: [{ name, type, value }], body: "<hex>" } with the codec's header types: boolean, byte,
// short, integer, long (value: decimal string), binary (hex), string, timestamp (ms since the epoch), uuid.
import { EventStreamCodec, Int64 } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const mode = process.argv[2];
const input = JSON.parse(await readStdin());

if (mode === "encode") {
  process.stdout.write(JSON.stringify(input.map((message) => Buffer.from(codec.encode(toCodec(message))).toString("hex"))));
} else if (mode === "decode") {
  process.stdout.write(JSON.stringify(input.map((hex) => fromCodec(codec.decode(Buffer.from(hex, "hex"))))));
} else {
  console.error("usage: node codec.mjs <encode|decode>");
  process.exit(2);
}

function toCodec(message) {
  const headers = {};
  for (const { name, type, value } of message.headers) {
    headers[name] = { type, value: toValue(type, value) };
  }
  return { headers, body: Buffer.from(message.body, "hex") };
}

function toValue(type, value) {
  switch (type) {
    case "long": return Int64.fromNumber(Number(value));
    case "binary": return Buffer.from(value, "hex");
    case "timestamp": return new Date(Number(value));
    default: return value;
  }
}

function fromCodec(message) {
  const headers = Object.entries(message.headers).map(([name, { type, value }]) => ({ name, type, value: fromValue(type, value) }));
  return { headers, body: Buffer.from(message.body).toString("hex") };
}

function fromValue(type, value) {
  switch (type) {
    case "long": return value.toString();
    case "binary": return Buffer.from(value).toString("hex");
    case "timestamp": return String(value.getTime());
    default: return value;
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
