// Runs a whole batch inference job against the emulator with the official AWS SDK for JavaScript
// (@aws-sdk/client-s3 and @aws-sdk/client-bedrock) and prints what the SDK made of every answer as one JSON document.
//
//   node batch-job.mjs <endpoint> <bucket> <modelId>
//
// S3: CreateBucket, PutObject (the JSONL), a multipart upload, HeadObject, ListObjectsV2, GetObject, DeleteObject, and
// a GetObject of a missing key (NoSuchKey). Control plane: CreateModelInvocationJob (twice with one client token),
// GetModelInvocationJob until the job ends, ListModelInvocationJobs, StopModelInvocationJob of the ended job
// (ValidationException), then the output file and manifest.json.out read back through S3.
import {
  S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  DeleteObjectCommand, CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand,
} from "@aws-sdk/client-s3";
import {
  BedrockClient, CreateModelInvocationJobCommand, GetModelInvocationJobCommand, ListModelInvocationJobsCommand,
  StopModelInvocationJobCommand,
} from "@aws-sdk/client-bedrock";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, bucket, modelId] = process.argv.slice(2);
const common = {
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 2,
  requestHandler: new NodeHttpHandler({ requestTimeout: 30000 }),
};
const s3 = new S3Client({ ...common, forcePathStyle: true });
const bedrock = new BedrockClient(common);
const out = {};
const error = (e) => ({ name: e.name, status: e.$metadata?.httpStatusCode, message: e.message });

await s3.send(new CreateBucketCommand({ Bucket: bucket }));
const lines = [];
for (let i = 0; i < 3; i++) {
  lines.push(JSON.stringify({ recordId: `JS000000000${i}`.slice(-11), modelInput: { messages: [{ role: "user", content: [{ text: `[batch] record ${i}` }] }] } }));
}
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "in/records.jsonl", Body: lines.join("\n") + "\n" }));
const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "in/records.jsonl" }));
out.headLength = head.ContentLength;

const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "big.bin" }));
const part1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: "big.bin", UploadId: upload.UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, 97) }));
const part2 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: "big.bin", UploadId: upload.UploadId, PartNumber: 2, Body: Buffer.from("tail") }));
await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: "big.bin", UploadId: upload.UploadId,
  MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part1.ETag }, { PartNumber: 2, ETag: part2.ETag }] } }));
const big = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "big.bin" }));
out.multipartLength = big.ContentLength;
await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "big.bin" }));
try {
  await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "big.bin" }));
  out.missing = { name: "none" };
} catch (e) {
  out.missing = error(e);
}

const create = {
  jobName: "js-sdk-job", roleArn: "arn:aws:iam::123456789012:role/BedrockBatch", clientRequestToken: "js-token-1", modelId,
  modelInvocationType: "Converse",
  inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${bucket}/in/`, s3InputFormat: "JSONL" } },
  outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${bucket}/out/` } },
};
const { jobArn } = await bedrock.send(new CreateModelInvocationJobCommand(create));
out.jobArn = jobArn;
out.sameArnAgain = (await bedrock.send(new CreateModelInvocationJobCommand(create))).jobArn === jobArn;
out.statuses = [];
let job;
for (let i = 0; i < 200; i++) {
  job = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
  if (out.statuses.at(-1) !== job.status) out.statuses.push(job.status);
  if (["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"].includes(job.status)) break;
  await new Promise((resolve) => setTimeout(resolve, 25));
}
out.job = { status: job.status, submitTimeIsDate: job.submitTime instanceof Date, endTimeIsDate: job.endTime instanceof Date,
  inputUri: job.inputDataConfig?.s3InputDataConfig?.s3Uri, outputUri: job.outputDataConfig?.s3OutputDataConfig?.s3Uri,
  modelInvocationType: job.modelInvocationType };
const list = await bedrock.send(new ListModelInvocationJobsCommand({ nameContains: "js-sdk" }));
out.listed = list.invocationJobSummaries.map((summary) => summary.jobArn);
try {
  await bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
  out.stopEnded = { name: "none" };
} catch (e) {
  out.stopEnded = error(e);
}

const jobId = jobArn.split("/").at(-1);
const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `out/${jobId}/` }));
out.outputKeys = (listed.Contents ?? []).map((entry) => entry.Key);
const read = async (key) => (await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body.transformToString());
out.outputLines = (await read(`out/${jobId}/records.jsonl.out`)).trim().split("\n").map((line) => JSON.parse(line));
out.manifest = JSON.parse(await read(`out/${jobId}/manifest.json.out`));
console.log(JSON.stringify(out));
