// The engine's thread: loads the wasm package and answers the widget's messages, so that typing
// never waits for a check. Only the newest pending check runs; older ones are dropped.
//
// In:  {type: "check", id, text, config, format}  |  {type: "fix", id, text, fix}
//      {type: "file", id, bytes, name}               |  {type: "picture", id, picture}
// Out: {type: "ready", version, rules, initMs}    |  {type: "report", id, report, ms}
//      {type: "fixed", id, text}                  |  {type: "file", id, text, format}
//      {type: "picture", id, svg}
//      {type: "error", id, message}

import init, { applyFix, check, pictureOf, readFile, rules, version } from "./pkg/leaflint_wasm.js";

const started = performance.now();
const ready = init({ module_or_path: new URL("./pkg/leaflint_wasm_bg.wasm", import.meta.url) }).then(() => {
  // Warm the word lists (parsed on first use) before the first real check.
  check("Warm up.", null, "text");
  self.postMessage({ type: "ready", version: version(), rules: rules(), initMs: performance.now() - started });
});
ready.catch((err) => self.postMessage({ type: "error", id: null, fatal: true, message: `The checker could not start: ${err.message || err}` }));

let pending = null;
let scheduled = false;

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
  } catch {
    return;
  }
  if (msg.type === "check") {
    pending = msg;
    if (!scheduled) {
      scheduled = true;
      setTimeout(runPending, 0);
    }
  } else if (msg.type === "fix" || msg.type === "file" || msg.type === "picture") {
    try {
      if (msg.type === "fix") self.postMessage({ type: "fixed", id: msg.id, text: applyFix(msg.text, msg.fix) });
      else if (msg.type === "picture") self.postMessage({ type: "picture", id: msg.id, svg: pictureOf(msg.picture) });
      else self.postMessage({ type: "file", id: msg.id, ...readFile(msg.bytes, msg.name) });
    } catch (err) {
      self.postMessage({ type: "error", id: msg.id, message: err.message });
    }
  }
};

function runPending() {
  scheduled = false;
  const msg = pending;
  pending = null;
  if (!msg) return;
  const t0 = performance.now();
  try {
    const report = check(msg.text, msg.config, msg.format);
    self.postMessage({ type: "report", id: msg.id, report, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: "error", id: msg.id, message: err.message });
  }
}
