// Lists the emulator's models with the official AWS SDK for JavaScript (@aws-sdk/client-bedrock) and prints what the
// SDK made of the answers as one JSON document (dates as ISO strings, to show they were read as dates).
//
//   node model-lists.mjs <endpoint>
//
// ListFoundationModels without and with filters, ListInferenceProfiles page by page (maxResults 2), and a refused
// filter value (ValidationException).
import { BedrockClient, ListFoundationModelsCommand, ListInferenceProfilesCommand } from "@aws-sdk/client-bedrock";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint] = process.argv.slice(2);
const bedrock = new BedrockClient({
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
  requestHandler: new NodeHttpHandler({ requestTimeout: 30000 }),
});
const out = {};

const all = await bedrock.send(new ListFoundationModelsCommand({}));
out.models = all.modelSummaries.map((m) => ({
  modelId: m.modelId, modelArn: m.modelArn, modelName: m.modelName, providerName: m.providerName,
  inputModalities: m.inputModalities, outputModalities: m.outputModalities,
  responseStreamingSupported: m.responseStreamingSupported, inferenceTypesSupported: m.inferenceTypesSupported,
  status: m.modelLifecycle?.status,
  legacyTime: m.modelLifecycle?.legacyTime instanceof Date ? m.modelLifecycle.legacyTime.toISOString() : null,
  endOfLifeTime: m.modelLifecycle?.endOfLifeTime instanceof Date ? m.modelLifecycle.endOfLifeTime.toISOString() : null,
}));
const images = await bedrock.send(new ListFoundationModelsCommand({ byOutputModality: "IMAGE", byProvider: "Stability AI" }));
out.stabilityImages = images.modelSummaries.map((m) => m.modelId);

const profiles = [];
let pages = 0;
let nextToken;
do {
  const page = await bedrock.send(new ListInferenceProfilesCommand({ maxResults: 2, nextToken }));
  pages++;
  for (const p of page.inferenceProfileSummaries) {
    profiles.push({
      id: p.inferenceProfileId, arn: p.inferenceProfileArn, name: p.inferenceProfileName, status: p.status, type: p.type,
      models: p.models.map((m) => m.modelArn), createdAtIsDate: p.createdAt instanceof Date && !isNaN(p.createdAt),
    });
  }
  nextToken = page.nextToken;
} while (nextToken && pages < 1000);
out.profilePages = pages;
out.profiles = profiles;

try {
  await bedrock.send(new ListFoundationModelsCommand({ byOutputModality: "VIDEO" }));
  out.refused = { name: "none" };
} catch (e) {
  out.refused = { name: e.name, status: e.$metadata?.httpStatusCode };
}

console.log(JSON.stringify(out));
