// The PromptGen playground: plain JavaScript, no dependencies. Talks to the JSON endpoints under ./api/.
"use strict";

const state = { methods: [], current: null, timer: 0, previewSeq: 0 };
const historyKey = "promptgen-playground-history";
const $ = (selector, root = document) => root.querySelector(selector);

async function postJson(path, body) {
  const response = await fetch("api/" + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  let data = null;
  try { data = await response.json(); } catch { data = { error: "The playground answered " + response.status + " without JSON." }; }
  return { status: response.status, data };
}

const pretty = value => JSON.stringify(value, null, 2);

// ---- Schemas: the generated arguments schema, with $ref, anyOf-null and ["type","null"] resolved.
function resolve(schema, root) {
  let s = schema || {};
  if (s.$ref === "#") s = root;
  else if (typeof s.$ref === "string" && s.$ref.startsWith("#/$defs/")) s = (root.$defs || {})[s.$ref.slice(8)] || {};
  let nullable = false;
  if (Array.isArray(s.anyOf)) {
    const other = s.anyOf.filter(branch => branch.type !== "null");
    nullable = other.length < s.anyOf.length;
    s = Object.assign({}, s, resolve(other[0] || {}, root).schema);
    delete s.anyOf;
  }
  if (Array.isArray(s.type)) {
    nullable = nullable || s.type.includes("null");
    s = Object.assign({}, s, { type: s.type.find(t => t !== "null") });
  }
  return { schema: s, nullable };
}

function example(schema, root, name, depth = 0) {
  const s = resolve(schema, root).schema;
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case "string":
      if (s.format === "date") return new Date().toISOString().slice(0, 10);
      if (s.format === "date-time") return new Date().toISOString();
      if (s.format === "uuid") return "00000000-0000-0000-0000-000000000001";
      if (s.format === "uri") return "https://example.com/";
      return "Example " + name;
    case "integer": return typeof s.minimum === "number" ? s.minimum : 1;
    case "number": return typeof s.minimum === "number" ? s.minimum : 0.5;
    case "boolean": return false;
    case "array": return depth > 3 ? [] : [example(s.items, root, name, depth + 1)];
    case "object": {
      if (depth > 3) return {};
      const value = {};
      for (const [key, property] of Object.entries(s.properties || {})) value[key] = example(property, root, key, depth + 1);
      return value;
    }
    default: return null;
  }
}

// ---- The form: one field per scalar, a fieldset per record, a JSON box for lists and dictionaries.
function buildForm(method) {
  const form = $("#form");
  form.replaceChildren();
  const root = method.argumentsSchema;
  const required = new Set(root.required || []);
  for (const [name, property] of Object.entries(root.properties || {})) {
    const parameter = method.parameters.find(p => p.name === name);
    form.append(buildField(name, [name], property, root, required.has(name), parameter ? parameter.type : null, 0));
  }
  if (!form.children.length) form.append(Object.assign(document.createElement("p"), { className: "hint", textContent: "This method takes no arguments." }));
}

function buildField(name, path, schema, root, isRequired, typeName, depth) {
  const { schema: s, nullable } = resolve(schema, root);
  const optional = nullable || !isRequired;
  if (s.type === "object" && s.properties && depth < 3 && !s["x-promptgen-media"]) {
    const set = document.createElement("fieldset");
    set.dataset.object = path.join(".");
    const legend = document.createElement("legend");
    legend.textContent = name + (typeName ? " (" + typeName + ")" : "");
    set.append(legend);
    const inner = new Set(s.required || []);
    for (const [key, property] of Object.entries(s.properties)) set.append(buildField(key, path.concat(key), property, root, inner.has(key), null, depth + 1));
    return set;
  }
  const label = document.createElement("label");
  const title = document.createElement("span");
  title.className = "field-name";
  title.textContent = name + (optional ? "" : " *");
  const type = document.createElement("span");
  type.className = "field-type";
  type.textContent = " " + (typeName || describe(s)) + (optional ? ", optional" : "");
  title.append(type);
  label.append(title);
  let input;
  if (s["x-promptgen-media"]) {
    // A media argument: a file picker whose file becomes {"format","base64"[,"name"]} (see PromptMediaParameter).
    input = document.createElement("input");
    input.type = "file";
    const formats = ((s.properties || {}).format || {}).enum || [];
    input.accept = formats.map(f => "." + (f === "three_gp" ? "3gp" : f)).concat(formats.includes("jpeg") ? [".jpg"] : []).join(",");
    input.dataset.kind = "media";
    input.dataset.media = s["x-promptgen-media"];
    input.addEventListener("change", () => readMedia(input));
  } else if (Array.isArray(s.enum)) {
    input = document.createElement("select");
    if (optional) input.append(new Option("(none)", ""));
    for (const value of s.enum) input.append(new Option(value, value));
    input.value = s.enum[0];
    input.dataset.kind = "enum";
  } else if (s.type === "boolean") {
    input = document.createElement("input");
    input.type = "checkbox";
    input.dataset.kind = "boolean";
  } else if (s.type === "integer" || s.type === "number") {
    input = document.createElement("input");
    input.type = "number";
    input.step = s.type === "integer" ? "1" : "any";
    input.value = example(s, root, name);
    input.dataset.kind = "number";
  } else if (s.type === "string") {
    input = document.createElement("input");
    input.type = "text";
    input.value = example(s, root, name);
    input.dataset.kind = "string";
  } else {
    input = document.createElement("textarea");
    input.value = pretty(example(s, root, name));
    input.dataset.kind = "json";
    // A conversation history: the turns before the rendered prompt, [{"role": "user" | "assistant", "text": ...}].
    if (s["x-promptgen-history"]) {
      input.title = s.description || "";
      input.rows = 6;
    }
  }
  input.name = path.join(".");
  input.dataset.path = path.join(".");
  input.dataset.optional = optional ? "true" : "false";
  label.append(input);
  return label;
}

// Reads the picked file as base64; the format comes from its extension (the server says when it is not one Bedrock takes).
function readMedia(input) {
  const file = input.files && input.files[0];
  if (!file) { input.media = null; schedulePreview(); return; }
  const reader = new FileReader();
  reader.onload = () => {
    const dot = file.name.lastIndexOf(".");
    let format = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : "";
    if (format === "jpg") format = "jpeg";
    if (format === "3gp") format = "three_gp";
    const media = { format, base64: String(reader.result).slice(String(reader.result).indexOf(",") + 1) };
    if (input.dataset.media === "document") {
      // Bedrock takes letters, digits, single spaces, hyphens, parentheses and square brackets in a document name.
      media.name = (dot >= 0 ? file.name.slice(0, dot) : file.name).replace(/[^A-Za-z0-9\s\-\(\)\[\]]/g, " ").replace(/\s+/g, " ").trim() || "document";
    }
    input.media = media;
    schedulePreview();
  };
  reader.readAsDataURL(file);
}

function describe(s) {
  if (s.type === "array") return "list of " + (resolve(s.items || {}, {}).schema.type || "values");
  if (s.type === "object") return "object";
  return s.type || "value";
}

function setAt(target, path, value) {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]] = node[path[i]] || {};
  node[path[path.length - 1]] = value;
}

function getAt(source, path) {
  return path.reduce((node, key) => (node == null ? undefined : node[key]), source);
}

// The arguments as JSON, and the problems found before asking the server (a JSON box that does not parse).
function collect() {
  const args = {};
  const problems = [];
  for (const input of document.querySelectorAll("#form [data-path]")) {
    const path = input.dataset.path.split(".");
    const optional = input.dataset.optional === "true";
    switch (input.dataset.kind) {
      case "boolean": setAt(args, path, input.checked); break;
      case "media":
        if (input.media) setAt(args, path, input.media);
        else if (!optional) problems.push("$." + input.dataset.path + ": choose a file");
        break;
      case "number":
        if (input.value === "") { if (!optional) problems.push("$." + input.dataset.path + ": a number is required"); }
        else setAt(args, path, Number(input.value));
        break;
      case "json":
        if (input.value.trim() === "" && optional) break;
        try { setAt(args, path, JSON.parse(input.value)); }
        catch { problems.push("$." + input.dataset.path + ": not valid JSON"); }
        break;
      default:
        if (input.value === "" && optional) break;
        setAt(args, path, input.value);
    }
  }
  return { args, problems };
}

function fill(args) {
  for (const input of document.querySelectorAll("#form [data-path]")) {
    const value = getAt(args, input.dataset.path.split("."));
    if (input.dataset.kind === "media") continue; // files are not kept in the history: pick them again
    if (input.dataset.kind === "boolean") input.checked = !!value;
    else if (input.dataset.kind === "json") input.value = value === undefined ? "" : pretty(value);
    else input.value = value === undefined || value === null ? "" : String(value);
  }
}

function showValidation(lines) {
  const box = $("#validation");
  box.hidden = !lines.length;
  box.textContent = lines.join("\n");
}

function errorLines(data) {
  if (data && Array.isArray(data.errors) && data.errors.length) return data.errors.map(e => e.path + ": " + e.message);
  return [data && data.error ? data.error : "The request failed."];
}

// ---- Preview: rendered as the inputs change, never sent to a model.
function schedulePreview() {
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 150);
}

async function preview() {
  const method = state.current;
  const { args, problems } = collect();
  if (problems.length) { showValidation(problems); return; }
  const seq = ++state.previewSeq;
  const { status, data } = await postJson("preview", { method: method.id, arguments: args });
  if (seq !== state.previewSeq || method !== state.current) return;
  if (status !== 200) { showValidation(errorLines(data)); return; }
  showValidation([]);
  $("#preview-system").textContent = data.systemPrompt || "";
  $("#preview-user").textContent = data.userPrompt;
  $("#preview-target").textContent = (method.operation || "Converse") + ", " + data.model;
  $("#preview-body").textContent = pretty(data.requestBody);
}

// ---- Runs: plain or streamed, one model or two side by side.
function newPanel(model) {
  const panel = $("#run-template").content.firstElementChild.cloneNode(true);
  $(".run-title", panel).textContent = model || state.current.model;
  $(".status", panel).textContent = "Running…";
  $("#runs").append(panel);
  return panel;
}

async function run(models) {
  const { args, problems } = collect();
  if (problems.length) { showValidation(problems); return; }
  const method = state.current;
  $("#runs").replaceChildren();
  for (const button of document.querySelectorAll(".actions button")) button.disabled = true;
  try {
    const outcomes = await Promise.all(models.map(model => {
      const panel = newPanel(model);
      return method.streams ? runStreamed(method, args, model, panel) : runWhole(method, args, model, panel);
    }));
    remember(method, args, models, outcomes);
  } finally {
    for (const button of document.querySelectorAll(".actions button")) button.disabled = false;
  }
}

function showRun(panel, data) {
  if (data.result !== undefined) $(".result", panel).textContent = pretty(shortened(data.result));
  showImages(panel, data.result);
  if (data.rawText !== undefined) $(".raw", panel).textContent = data.rawText;
  if (data.model) $(".run-title", panel).textContent = data.model;
  const list = $(".attempts", panel);
  list.replaceChildren();
  for (const attempt of data.attempts || []) {
    const item = document.createElement("li");
    item.textContent = "#" + attempt.number + " " + attempt.model + (attempt.stopReason ? " (" + attempt.stopReason + ")" : "") + ": " + attempt.text;
    if (attempt.errors.length || attempt.failure) {
      const errors = document.createElement("div");
      errors.className = "errors";
      errors.textContent = attempt.failure || attempt.errors.join("; ");
      item.append(errors);
    }
    list.append(item);
  }
  if (data.usage) {
    $(".usage", panel).textContent = data.usage.inputTokens + " in / " + data.usage.outputTokens + " out / " + data.usage.totalTokens + " total tokens";
    $(".cost", panel).textContent = formatCost(data.usage.estimatedCostUsd);
  }
  if (data.latencyMs !== undefined) $(".latency", panel).textContent = data.latencyMs + " ms";
}

// An image method's result ({"images":[{"mediaType","base64"}]}): each image shown, from the answer itself.
function showImages(panel, result) {
  const box = $(".images", panel);
  box.replaceChildren();
  if (!result || !Array.isArray(result.images)) return;
  for (const image of result.images) {
    if (typeof image.base64 !== "string" || !/^image\/(png|jpeg|gif|webp)$/.test(image.mediaType)) continue;
    box.append(Object.assign(document.createElement("img"), { src: "data:" + image.mediaType + ";base64," + image.base64, alt: "Generated image" }));
  }
}

// The result as text, with long base64 strings (images) cut to their length.
function shortened(value) {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "base64" && typeof v === "string" && v.length > 80 ? v.slice(0, 40) + "… (" + v.length + " base64 characters)" : v)));
}

// The estimated cost at the catalog's list prices; null (no known price for a model called) reads "unknown".
function formatCost(cost) {
  return typeof cost === "number" ? "$" + cost.toFixed(6) : "unknown";
}

function setStatus(panel, ok, text) {
  const status = $(".status", panel);
  status.className = "status " + (ok ? "ok" : "failed");
  status.textContent = text;
}

async function runWhole(method, args, model, panel) {
  $(".stream-output", panel).closest(".run").querySelector("h4").hidden = true;
  $(".stream-output", panel).hidden = true;
  const { status, data } = await postJson("run", { method: method.id, arguments: args, model });
  if (status === 400) { showValidation(errorLines(data)); setStatus(panel, false, "Invalid arguments."); return { ok: false }; }
  showRun(panel, data);
  if (status !== 200) { setStatus(panel, false, (data.errorType ? data.errorType + ": " : "") + data.error); return { ok: false }; }
  setStatus(panel, true, "Done.");
  return { ok: true, summary: typeof data.result === "string" ? data.result : JSON.stringify(data.result), cost: data.usage.estimatedCostUsd };
}

async function runStreamed(method, args, model, panel) {
  const response = await fetch("api/stream", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ method: method.id, arguments: args, model }),
  });
  if (!response.ok) {
    const data = await response.json().catch(() => ({ error: "HTTP " + response.status }));
    if (response.status === 400) showValidation(errorLines(data));
    setStatus(panel, false, data.error || "The run failed.");
    return { ok: false };
  }
  setStatus(panel, true, "Streaming…");
  const output = $(".stream-output", panel);
  const partials = $(".partials", panel);
  if (method.streamsPartials) {
    $(".partials-box", panel).hidden = false;
    $("h4", panel).textContent = "Partial result, as it streams";
  }
  let attempt = 0;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let outcome = { ok: false };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const name = (block.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((block.match(/^data: (.*)$/m) || [])[1] || "null");
      if (name === "delta") output.textContent += data.text;
      else if (name === "partial") {
        // A typed result as the model writes it: the latest value in full, and every value kept in order (a
        // repair's values start again from an empty object, marked as a new attempt).
        output.textContent = pretty(data.value);
        const item = document.createElement("li");
        item.textContent = (data.attempt > 1 ? "attempt " + data.attempt + ": " : "") + JSON.stringify(data.value);
        if (attempt && data.attempt !== attempt) item.className = "restart";
        attempt = data.attempt;
        partials.append(item);
        $(".partial-count", panel).textContent = String(partials.children.length);
      } else if (name === "done" && method.streamsPartials) {
        // The validated result, with its attempts and usage, exactly as a run returns it.
        showRun(panel, data);
        setStatus(panel, true, "Done.");
        outcome = { ok: true, summary: JSON.stringify(data.result), cost: data.usage.estimatedCostUsd };
      } else if (name === "done") {
        showRun(panel, { result: data.text, rawText: data.text, model: data.model, usage: data.usage, latencyMs: data.latencyMs });
        setStatus(panel, true, "Done.");
        outcome = { ok: true, summary: data.text, cost: data.usage.estimatedCostUsd };
      } else if (name === "error") {
        showRun(panel, data);
        setStatus(panel, false, data.errorType + ": " + data.error);
      }
    }
  }
  return outcome;
}

// ---- History: this browser session's runs; a click brings the inputs back.
function loadHistory() {
  try { return JSON.parse(sessionStorage.getItem(historyKey)) || []; } catch { return []; }
}

function remember(method, args, models, outcomes) {
  const entries = loadHistory();
  // Files stay out of the session's storage (they can be large); the other inputs come back from the history.
  const kept = JSON.parse(JSON.stringify(args));
  for (const input of document.querySelectorAll("#form [data-kind='media']")) setAt(kept, input.dataset.path.split("."), null);
  args = kept;
  entries.unshift({
    at: new Date().toLocaleTimeString(),
    id: method.id,
    name: method.interface.split(".").pop() + "." + method.method,
    args,
    models,
    summary: outcomes.map(o => (o.ok ? o.summary : "failed")).join(" | ").slice(0, 80),
    costs: outcomes.map(o => (o.ok ? formatCost(o.cost) : "failed")),
  });
  sessionStorage.setItem(historyKey, JSON.stringify(entries.slice(0, 50)));
  renderHistory();
}

function renderHistory() {
  const list = $("#history");
  list.replaceChildren();
  for (const entry of loadHistory()) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = entry.at + " " + entry.name;
    const small = document.createElement("small");
    small.textContent = entry.summary;
    const cost = document.createElement("small");
    cost.className = "cost";
    cost.textContent = "cost " + (entry.costs || []).join(" | ");
    button.append(small, cost);
    button.addEventListener("click", () => {
      const method = state.methods.find(m => m.id === entry.id);
      if (!method) return;
      select(method);
      fill(entry.args);
      $("#compare-model").value = entry.models[1] || "";
      preview();
    });
    item.append(button);
    list.append(item);
  }
}

// ---- The method list.
function select(method) {
  state.current = method;
  for (const button of document.querySelectorAll("#methods button")) button.classList.toggle("selected", button.dataset.id === method.id);
  $("#main").hidden = false;
  $("#empty").hidden = true;
  $("#method-title").textContent = method.interface + "." + method.method;
  const meta = $("#method-meta");
  meta.replaceChildren();
  const rows = [
    ["Model", method.model],
    ["Fallbacks", method.fallbackModels.join(", ") || "none"],
    ["Returns", method.resultType + (method.streams ? " (streamed)" + (method.streamsPartials ? " as partial values" : "") : "")],
    ["Operation", method.operation || "Converse"],
    ["Structured output", method.strategy || "text"],
    ["Inference", Object.entries(method.inference).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length)).map(([k, v]) => k + "=" + v).join(", ") || "model defaults"],
    ["System template", method.systemTemplate || "none"],
    ["User template", method.userTemplate],
  ];
  for (const [name, value] of rows) {
    meta.append(Object.assign(document.createElement("dt"), { textContent: name }));
    meta.append(Object.assign(document.createElement("dd"), { textContent: value }));
  }
  const models = $("#models");
  models.replaceChildren();
  for (const model of [method.model].concat(method.fallbackModels)) models.append(new Option(model, model));
  $("#arguments-schema").textContent = pretty(method.argumentsSchema);
  $("#result-schema").textContent = method.resultSchema ? pretty(method.resultSchema) : "";
  $("#preview-system").textContent = "";
  $("#preview-user").textContent = "";
  $("#preview-body").textContent = "";
  $("#runs").replaceChildren();
  showValidation([]);
  buildForm(method);
  preview();
}

async function start() {
  const response = await fetch("api/methods");
  const data = await response.json();
  state.methods = data.methods;
  const list = $("#methods");
  for (const method of state.methods) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = method.id;
    button.textContent = method.method;
    const small = document.createElement("small");
    small.textContent = method.interface;
    button.append(small);
    button.addEventListener("click", () => select(method));
    item.append(button);
    list.append(item);
  }
  $("#form").addEventListener("input", schedulePreview);
  $("#form").addEventListener("change", schedulePreview);
  $("#run").addEventListener("click", () => run([null]));
  $("#run-compare").addEventListener("click", () => {
    const other = $("#compare-model").value.trim();
    if (!other) { showValidation(["Enter a model to compare with."]); return; }
    run([null, other]);
  });
  $("#clear-history").addEventListener("click", () => { sessionStorage.removeItem(historyKey); renderHistory(); });
  renderHistory();
  if (!state.methods.length) $("#empty").textContent = "No prompt methods: pass descriptors (IMyPrompts.Descriptors) to MapPromptPlayground.";
}

start();
