// <leaflint-checker>: the leaflint browser widget as a custom element.
//
//   <script type="module" src="leaflint-checker.js"></script>
//   <leaflint-checker profile="nhs" format="text">Optional starting text.</leaflint-checker>
//
// Attributes: profile (nhs | us | easy-read), format (text | markdown | html | docx), persist (keep settings in
// localStorage). Properties: value (the text), report (the latest report), timings.
// Events: "leaflint-ready" {version, rules}, "leaflint-report" {report, timings}.
//
// The engine runs in worker.js (a Web Worker), so typing never blocks. The editor is a textarea
// over a backdrop that mirrors its text with <mark>s at the findings' UTF-16 ranges, which are
// JavaScript string offsets: text.slice(f.utf16.start, f.utf16.end) is the flagged text.
// Nothing here makes a network request except loading the widget's own files.
//
// Pictures for numbers: the report describes an icon array for each risk number (report.pictures,
// finding.data.picture); the worker draws each distinct one once (pictureOf) and the widget shows
// it beside the finding and in "Pictures for your numbers", with buttons to copy the SVG or save
// it as a file (a Blob URL: nothing is sent anywhere).

const HERE = new URL(".", import.meta.url);
const DEBOUNCE_MS = 120;
const CATEGORIES = {
  readability: "Readability",
  words: "Words",
  voice: "Voice",
  style: "Style",
  numeracy: "Numbers",
  structure: "Structure",
};
const PROFILES = { nhs: "NHS (UK)", us: "US", "easy-read": "Easy read" };
// Engine format names. A Word file shows its extracted text; while that text is unchanged the
// engine checks the document it decoded (headings and lists from Word styles), after an edit it
// reads the text with plain-text conventions.
const FORMATS = { text: "Plain text", markdown: "Markdown", html: "HTML", docx: "Word (.docx) text" };
const ACCEPT = ".txt,.text,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const SEVERITY = { info: "Info", warning: "Warning", error: "Error" };
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
const STORAGE_KEY = "leaflint-checker-settings";
const EXAMPLE = `Looking after your wound at home

You have had an operation. This leaflet tells you how to look after your wound 🩹 and when to get help.

Keeping it clean

Keep the dressing dry for 2 days. After that you can have a shower, but you should not soak the wound in a bath until it has healed, because soaking can soften the skin and increase the likelihood of the wound becoming infected.

Signs of infection

Call the ward or your GP if the skin around the wound becomes red, hot or swollen, or if there is discharge with an unpleasant smell, as these can be indications of an infection that requires antibiotic treatment.

Pain relief

Take paracetamol if you need it. Do not take more than the dose on the packet.
`;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const fmt1 = (v) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(1) : null);
/** Most entries shown in "Pictures for your numbers" (every finding still shows its own). */
const MAX_PICTURES = 60;
const pictureKey = (p) => JSON.stringify(p);
/** The file name `leaflint picture` would suggest: icon-array-20-in-100.svg. */
export const pictureFileName = (p) =>
  `icon-array-${p.numerator}-in-${p.denominator}${p.compare ? `-vs-${p.compare.numerator}-in-${p.compare.denominator}` : ""}.svg`;
/** A picture's figure: filled in with its SVG once the worker has drawn it. */
const pictureFigure = (p, prefix) => `<figure class="picture" data-key="${esc(pictureKey(p))}" data-prefix="${prefix}" data-filled="${p.numerator + (p.compare?.numerator ?? 0)}">
  <div class="svg"></div><figcaption>${esc(p.alt)}</figcaption>
  <div class="picture-actions"><button type="button" class="copy-svg">Copy SVG<span class="sr-only"> of the picture: ${esc(p.alt)}</span></button><button type="button" class="download-svg">Download SVG<span class="sr-only"> of the picture: ${esc(p.alt)}</span></button></div>
</figure>`;
const dash = '<span class="na"><span aria-hidden="true">—</span><span class="sr-only">not available</span></span>';

/** Where an edit changed `before` into `after`: {start, oldEnd, newEnd} in UTF-16 units. */
export function diffRange(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** Move a range across an edit so highlights follow the text until the next report arrives. */
function shiftRange(r, d) {
  const delta = d.newEnd - d.oldEnd;
  const move = (x, isEnd) => (x < d.start || (x === d.start && !isEnd) ? x : x >= d.oldEnd ? x + delta : isEnd ? d.newEnd : d.start);
  return { start: move(r.start, false), end: move(r.end, true) };
}

class LeaflintChecker extends HTMLElement {
  static get observedAttributes() {
    return ["profile", "format"];
  }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.rules = [];
    this.ruleById = new Map();
    this.report = null;
    this.reportText = "";
    this.ranges = [];
    this.hiddenCats = new Set();
    this.ruleOverrides = {};
    this.undoStack = [];
    this.seq = 0;
    this.reqSeq = 0;
    this.waiters = new Map(); // answers the worker owes, by request id
    this.svgCache = new Map(); // picture key → Promise of its SVG (drawn by the worker)
    this.current = -1;
    this.fileName = "";
    this.lastAnnounced = "";
    this.timings = { ready: null, firstResult: null, checkMs: null, roundTripMs: null, keyToRenderMs: null, inputMs: null, checks: 0 };
    this.sentAt = new Map();
  }

  connectedCallback() {
    if (this.textarea) return;
    this.profile = PROFILES[this.getAttribute("profile")] ? this.getAttribute("profile") : "nhs";
    this.format = FORMATS[this.getAttribute("format")] ? this.getAttribute("format") : "text";
    if (this.hasAttribute("persist")) this.loadSettings();
    this.renderShell();
    const initial = this.textContent.replace(/^\n+/, "").replace(/\s+$/, "");
    if (initial) this.textarea.value = initial + "\n";
    this.text = this.textarea.value;
    this.worker = new Worker(new URL("worker.js", HERE), { type: "module" });
    this.worker.onmessage = (e) => this.onWorkerMessage(e.data);
    this.worker.onerror = (e) =>
      this.showError(
        location.protocol === "file:"
          ? "The checker cannot start from a file:// page. Serve the folder instead: python3 -m http.server -d web (see web/README.md)."
          : `The checker could not start (${e.message || "worker error"}).`,
      );
    this.setStatus("Loading the checker…");
  }

  disconnectedCallback() {
    this.worker?.terminate();
    this.worker = null;
    this.textarea = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.textarea || !value) return;
    if (name === "profile" && PROFILES[value]) this.$("#profile").value = this.profile = value;
    if (name === "format" && FORMATS[value]) this.$("#format").value = this.format = value;
    this.requestCheck(0);
  }

  get value() {
    return this.textarea ? this.textarea.value : this.textContent;
  }

  set value(text) {
    if (!this.textarea) {
      this.textContent = text;
      return;
    }
    this.textarea.value = text;
    this.onInput();
    this.requestCheck(0);
  }

  $(sel) {
    return this.root.querySelector(sel);
  }

  // ---- shell ---------------------------------------------------------------------------------

  renderShell() {
    const options = (obj, sel) => Object.entries(obj).map(([k, v]) => `<option value="${k}"${k === sel ? " selected" : ""}>${v}</option>`).join("");
    this.root.innerHTML = `
<link rel="stylesheet" href="${new URL("leaflint-checker.css", HERE)}">
<div class="app">
  <div class="toolbar" role="group" aria-label="Checker settings and actions">
    <label>Profile <select id="profile">${options(PROFILES, this.profile)}</select></label>
    <label>Format <select id="format">${options(FORMATS, this.format)}</select></label>
    <button type="button" id="open">Open file…</button>
    <input type="file" id="file" accept="${ACCEPT}" hidden>
    <button type="button" id="example">Load example</button>
    <button type="button" id="undo" disabled>Undo fix</button>
    <button type="button" id="print">Print summary</button>
    <span id="status" class="status"></span>
  </div>
  <div id="live" class="sr-only" role="status" aria-live="polite"></div>
  <div id="alert" class="alert" role="alert" hidden></div>
  <div class="print-header"><h1>leaflint summary</h1><p id="print-meta"></p></div>
  <div class="main">
    <section class="editor-pane" aria-labelledby="editor-h">
      <h2 id="editor-h">Leaflet text <span id="file-name" class="file-name"></span></h2>
      <div class="editor" id="editor">
        <div class="backdrop" id="backdrop" aria-hidden="true"></div>
        <textarea id="text" rows="1" spellcheck="true" aria-labelledby="editor-h" aria-describedby="editor-help"
          placeholder="Type or paste your leaflet here, or open a .txt or .md file."></textarea>
      </div>
      <p id="editor-help" class="hint">Highlights update as you type. F8 or Alt+↓ goes to the next finding,
        Shift+F8 or Alt+↑ to the previous one. Nothing you type leaves this page.</p>
      <p class="legend"><span class="sr-only">Highlight colours:</span>${Object.entries(CATEGORIES).map(([k, v]) => `<span class="key c-${k}">${v}</span>`).join("")}</p>
    </section>
    <div class="side">
      <section class="scores" aria-labelledby="scores-h">
        <h2 id="scores-h">Scores</h2>
        <dl id="scores"></dl>
        <ul id="notes" class="notes"></ul>
      </section>
      <section class="findings" aria-labelledby="findings-h">
        <h2 id="findings-h">Findings <span id="count" class="count"></span></h2>
        <fieldset class="cats"><legend>Show categories</legend><div id="cats"></div></fieldset>
        <details class="rules"><summary>Rules on and off</summary><div id="rules"></div></details>
        <ol id="findings" class="finding-list" aria-labelledby="findings-h"></ol>
      </section>
      <section class="pictures" aria-labelledby="pictures-h">
        <h2 id="pictures-h">Pictures for your numbers <span id="pictures-count" class="count"></span></h2>
        <p class="hint">An icon array shows a chance as people. Put one beside its number, or explain the number in words.</p>
        <ol id="pictures" class="picture-list"></ol>
      </section>
      <section class="chunks" aria-labelledby="chunks-h">
        <h2 id="chunks-h">Chunks and teach-back</h2>
        <div id="chunks"></div>
      </section>
    </div>
  </div>
</div>`;
    this.textarea = this.$("#text");
    this.backdrop = this.$("#backdrop");
    this.textarea.addEventListener("input", () => this.onInput());
    this.textarea.addEventListener("keydown", (e) => this.onKey(e));
    for (const ev of ["keyup", "click", "select", "focus"]) this.textarea.addEventListener(ev, () => this.updateCurrent());
    this.$("#profile").addEventListener("change", (e) => {
      this.profile = e.target.value;
      this.saveSettings();
      this.renderRuleToggles();
      this.requestCheck(0);
    });
    this.$("#format").addEventListener("change", (e) => {
      this.format = e.target.value;
      this.saveSettings();
      this.requestCheck(0);
    });
    this.$("#open").addEventListener("click", () => this.$("#file").click());
    this.$("#file").addEventListener("change", (e) => this.openFile(e.target.files[0]));
    this.$("#example").addEventListener("click", () => {
      this.fileName = "";
      this.$("#file-name").textContent = "";
      this.replaceText(EXAMPLE);
    });
    this.$("#undo").addEventListener("click", () => this.undoFix());
    this.$("#print").addEventListener("click", () => window.print());
    const editor = this.$("#editor");
    editor.addEventListener("dragover", (e) => e.dataTransfer?.types.includes("Files") && e.preventDefault());
    editor.addEventListener("drop", (e) => {
      if (e.dataTransfer?.files.length) {
        e.preventDefault();
        this.openFile(e.dataTransfer.files[0]);
      }
    });
    this.$("#findings").addEventListener("click", (e) => this.onListClick(e));
    this.$("#pictures").addEventListener("click", (e) => this.onPictureButton(e));
    this.$("#cats").addEventListener("change", (e) => {
      if (e.target.checked) this.hiddenCats.delete(e.target.value);
      else this.hiddenCats.add(e.target.value);
      this.saveSettings();
      this.renderFindings();
      this.renderHighlights();
    });
    this.$("#rules").addEventListener("change", (e) => {
      const id = e.target.value;
      const def = this.ruleDefault(id);
      if (e.target.checked === def) delete this.ruleOverrides[id];
      else this.ruleOverrides[id] = e.target.checked;
      this.saveSettings();
      this.requestCheck(0);
    });
    window.addEventListener("beforeprint", () => this.preparePrint(true));
    window.addEventListener("afterprint", () => this.preparePrint(false));
    this.renderScores(null);
  }

  // ---- settings ------------------------------------------------------------------------------

  loadSettings() {
    try {
      const s = JSON.parse(localStorage.getItem(STORAGE_KEY) || "{}");
      if (PROFILES[s.profile]) this.profile = s.profile;
      if (FORMATS[s.format]) this.format = s.format;
      if (s.rules && typeof s.rules === "object") this.ruleOverrides = s.rules;
      if (Array.isArray(s.hidden)) this.hiddenCats = new Set(s.hidden);
    } catch {
      /* unreadable settings: use the defaults */
    }
  }

  saveSettings() {
    if (!this.hasAttribute("persist")) return;
    const s = { profile: this.profile, format: this.format, rules: this.ruleOverrides, hidden: [...this.hiddenCats] };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    } catch {
      /* storage may be off: settings then last for this visit */
    }
  }

  ruleDefault(id) {
    const r = this.ruleById.get(id);
    return !!(r && r.defaults[this.profile]);
  }

  config() {
    const rules = {};
    for (const [id, on] of Object.entries(this.ruleOverrides)) if (this.ruleById.has(id)) rules[id] = { enabled: on };
    return { profile: this.profile, rules };
  }

  // ---- worker --------------------------------------------------------------------------------

  onWorkerMessage(msg) {
    if (msg.type === "ready") {
      this.rules = msg.rules;
      this.ruleById = new Map(msg.rules.map((r) => [r.id, r]));
      this.version = msg.version;
      this.timings.ready = performance.now();
      this.timings.initMs = msg.initMs;
      this.renderRuleToggles();
      this.renderCategoryToggles();
      this.dispatchEvent(new CustomEvent("leaflint-ready", { detail: { version: msg.version, rules: msg.rules } }));
      this.requestCheck(0);
    } else if (msg.type === "report") {
      if (msg.id !== this.seq) return; // an older check: a newer one is on its way
      const sent = this.sentAt.get(msg.id);
      this.sentAt.clear();
      if (!sent) return;
      this.report = msg.report;
      this.reportText = sent.text;
      this.ranges = msg.report.findings.map((f) => ({ start: f.utf16.start, end: f.utf16.end }));
      if (this.textarea.value !== sent.text) this.shiftTo(sent.text, this.textarea.value);
      this.$("#alert").hidden = true;
      const r0 = performance.now();
      this.renderAll();
      const now = performance.now();
      this.timings.renderMs = now - r0;
      this.timings.checks++;
      this.timings.checkMs = msg.ms;
      this.timings.roundTripMs = now - sent.at;
      if (this.inputAt != null) this.timings.keyToRenderMs = now - this.inputAt;
      this.inputAt = null;
      if (this.timings.firstResult == null) this.timings.firstResult = now;
      this.dispatchEvent(new CustomEvent("leaflint-report", { detail: { report: msg.report, timings: { ...this.timings } } }));
    } else if (msg.type === "fixed" || msg.type === "file" || msg.type === "picture") {
      this.waiters.get(msg.id)?.(msg);
      this.waiters.delete(msg.id);
    } else if (msg.type === "error") {
      if (msg.id != null && this.waiters.has(msg.id)) {
        this.waiters.get(msg.id)(null);
        this.waiters.delete(msg.id);
      }
      this.showError(msg.message);
    }
  }

  requestCheck(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.worker || !this.rules.length) return;
      const text = this.textarea.value;
      const id = ++this.seq;
      this.sentAt.set(id, { text, at: performance.now() });
      this.worker.postMessage({ type: "check", id, text, config: this.config(), format: this.format });
    }, delay);
  }

  // ---- editing -------------------------------------------------------------------------------

  onInput() {
    const now = this.textarea.value;
    if (now === this.text) return;
    const t0 = performance.now();
    this.inputAt ??= t0;
    this.shiftTo(this.text, now);
    this.renderHighlights();
    this.updateUndo();
    this.requestCheck();
    this.timings.inputMs = performance.now() - t0;
  }

  /** Keep highlights on their words while the text moves under them. */
  shiftTo(before, after) {
    const d = diffRange(before, after);
    this.ranges = this.ranges.map((r) => shiftRange(r, d));
    this.text = after;
  }

  /** Replace the text with `next` as one edit the browser can undo (Ctrl+Z) too. */
  replaceText(next) {
    const ta = this.textarea;
    const d = diffRange(ta.value, next);
    ta.focus();
    ta.setSelectionRange(d.start, d.oldEnd);
    const inserted = next.slice(d.start, d.newEnd);
    let ok = false;
    try {
      ok = document.execCommand("insertText", false, inserted);
    } catch {
      ok = false;
    }
    if (!ok || ta.value !== next) {
      ta.value = next;
      ta.setSelectionRange(d.newEnd, d.newEnd);
      this.onInput();
    }
    this.requestCheck(0);
  }

  async applyFix(index, fixIndex) {
    const f = this.report?.findings[index];
    const fix = f?.fixes[fixIndex];
    if (!fix) return;
    if (this.textarea.value !== this.reportText) {
      this.setStatus("The text changed since the last check. Checking again: try the fix in a moment.");
      this.requestCheck(0);
      return;
    }
    const before = this.reportText;
    const after = (await this.ask({ type: "fix", text: before, fix }))?.text;
    if (after == null || this.textarea.value !== before) return;
    this.inputAt = performance.now();
    this.replaceText(after);
    this.undoStack.push({ before, after, label: fix.label });
    this.updateUndo();
    this.announce(`Fixed: ${fix.label}. Use Undo fix to go back.`);
  }

  /** Send a request to the worker and wait for its answer (`null` after an error, which is shown). */
  ask(msg, transfer = []) {
    const id = `req-${++this.reqSeq}`;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve);
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }

  undoFix() {
    const top = this.undoStack[this.undoStack.length - 1];
    if (!top || this.textarea.value !== top.after) return;
    this.undoStack.pop();
    this.replaceText(top.before);
    this.updateUndo();
    this.announce(`Undone: ${top.label}.`);
  }

  updateUndo() {
    const top = this.undoStack[this.undoStack.length - 1];
    const can = !!top && this.textarea.value === top.after;
    const b = this.$("#undo");
    b.disabled = !can;
    b.title = can ? `Undo “${top.label}”` : "";
  }

  /** Open a file: the engine decodes it (format from the name; Word .docx and HTML are read; binary, bad UTF-8 and damaged or non-Word zips are refused with a sentence). */
  async openFile(file) {
    if (!file || !this.worker) return;
    this.$("#file").value = "";
    const bytes = new Uint8Array(await file.arrayBuffer());
    const got = await this.ask({ type: "file", bytes, name: file.name }, [bytes.buffer]);
    if (!got) return;
    this.fileName = file.name;
    this.$("#file-name").textContent = `— ${file.name}`;
    this.format = FORMATS[got.format] ? got.format : "text";
    this.$("#format").value = this.format;
    this.$("#alert").hidden = true;
    this.textarea.value = got.text;
    this.undoStack = [];
    this.onInput();
    this.requestCheck(0);
    this.setStatus(`Opened ${file.name}.`);
  }

  onKey(e) {
    const next = e.key === "F8" ? (e.shiftKey ? -1 : 1) : e.altKey && e.key === "ArrowDown" ? 1 : e.altKey && e.key === "ArrowUp" ? -1 : 0;
    if (!next) return;
    e.preventDefault();
    this.gotoFinding(next);
  }

  visibleIndexes() {
    if (!this.report) return [];
    return this.report.findings.map((f, i) => i).filter((i) => !this.hiddenCats.has(this.report.findings[i].category));
  }

  gotoFinding(step) {
    const vis = this.visibleIndexes();
    if (!vis.length) return this.announce("No findings.");
    const pos = this.textarea.selectionStart;
    let target;
    if (step > 0) target = vis.find((i) => this.ranges[i].start > pos) ?? vis[0];
    else target = [...vis].reverse().find((i) => this.ranges[i].start < pos) ?? vis[vis.length - 1];
    this.select(target, true);
    const f = this.report.findings[target];
    this.announce(`${SEVERITY[f.severity]}, ${f.rule}: ${f.message}`);
  }

  /** Select finding `i` in the text and show it. */
  select(i, keepFocus) {
    const r = this.ranges[i];
    if (!r) return;
    this.textarea.focus();
    this.textarea.setSelectionRange(r.start, r.end);
    const mark = this.backdrop.querySelector(`mark[data-f~="${i}"]`);
    mark?.scrollIntoView({ block: "center", behavior: "instant" });
    this.updateCurrent(i);
    if (!keepFocus) this.textarea.focus();
  }

  /** Mark the finding under the caret (or `forced`) as current, in the text and in the list. */
  updateCurrent(forced) {
    if (!this.report) return;
    let best = typeof forced === "number" ? forced : -1;
    if (best < 0 && this.root.activeElement === this.textarea) {
      const pos = this.textarea.selectionStart;
      let len = Infinity;
      for (const i of this.visibleIndexes()) {
        const r = this.ranges[i];
        if (this.report.findings[i].scope !== "document" && r.start <= pos && pos <= r.end && r.end - r.start < len) {
          best = i;
          len = r.end - r.start;
        }
      }
    }
    if (best === this.current) return;
    this.root.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    this.root.querySelectorAll('[aria-current="true"]').forEach((el) => el.removeAttribute("aria-current"));
    this.current = best;
    if (best < 0) return;
    this.backdrop.querySelectorAll(`mark[data-f~="${best}"]`).forEach((m) => m.classList.add("active"));
    const li = this.$(`#f-${best}`);
    if (li) {
      li.setAttribute("aria-current", "true");
      li.classList.add("active");
      const box = this.$(".side");
      const top = li.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top + li.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - 40;
    }
  }

  onListClick(e) {
    const btn = e.target.closest("button");
    if (!btn) return;
    if (this.onPictureButton(e)) return;
    const i = Number(btn.closest("li")?.dataset.i);
    if (btn.classList.contains("goto")) this.select(i, false);
    else if (btn.classList.contains("fix")) this.applyFix(i, Number(btn.dataset.fix));
  }

  // ---- pictures ------------------------------------------------------------------------------

  /** The standalone SVG of a picture descriptor (drawn once by the worker, then cached). */
  svgFor(picture) {
    const key = pictureKey(picture);
    let svg = this.svgCache.get(key);
    if (!svg) {
      if (this.svgCache.size > 500) this.svgCache.clear();
      svg = this.ask({ type: "picture", picture }).then((m) => m?.svg ?? null);
      this.svgCache.set(key, svg);
    }
    return svg;
  }

  /** Draw every picture figure that has no SVG yet (ids prefixed: several share the page). */
  fillPictures() {
    for (const fig of this.root.querySelectorAll("figure.picture:not([data-ready])")) {
      fig.dataset.ready = "1";
      this.svgFor(JSON.parse(fig.dataset.key)).then((svg) => {
        if (svg && fig.isConnected) fig.querySelector(".svg").innerHTML = svg.replaceAll("lf-ia-", `${fig.dataset.prefix}-lf-ia-`);
      });
    }
  }

  /** Copy or download a picture's SVG; true when `e` was such a button. */
  onPictureButton(e) {
    const btn = e.target.closest("button.copy-svg, button.download-svg");
    if (!btn) return false;
    const picture = JSON.parse(btn.closest("figure.picture").dataset.key);
    this.svgFor(picture).then(async (svg) => {
      if (!svg) return;
      if (btn.classList.contains("copy-svg")) {
        try {
          await navigator.clipboard.writeText(svg);
          this.announce(`Copied the picture “${picture.alt}” as SVG.`);
          this.setStatus("Picture copied as SVG.");
        } catch (err) {
          this.showError(`The picture could not be copied (${err.message || err}). Use Download SVG instead.`);
        }
      } else {
        const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = pictureFileName(picture);
        a.hidden = true;
        this.root.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 30_000);
        this.announce(`Saved the picture as ${a.download}.`);
      }
    });
    return true;
  }

  renderPictures() {
    const r = this.report;
    const pics = r?.pictures ?? [];
    const text = this.reportText ?? "";
    this.$("#pictures-count").textContent = pics.length ? `(${pics.length})` : "";
    const shown = pics.slice(0, MAX_PICTURES);
    let html = shown
      .map((p, k) => {
        const before = text.slice(p.sentence_utf16.start, p.utf16.start);
        const number = text.slice(p.utf16.start, p.utf16.end);
        const after = text.slice(p.utf16.end, Math.max(p.utf16.end, p.sentence_utf16.end));
        return `<li class="risk c-numeracy" data-k="${k}"><blockquote class="excerpt">${esc(before)}<strong>${esc(number)}</strong>${esc(after)}</blockquote>${pictureFigure(p.picture, `p${k}`)}</li>`;
      })
      .join("");
    if (!pics.length) html = `<li class="empty">Chances given as numbers (“1 in 10”, “20%”) get a picture here.</li>`;
    else if (pics.length > shown.length) html += `<li class="empty">Showing the first ${shown.length} of ${pics.length}. Each finding about a number shows its own picture.</li>`;
    if (html !== this.picturesHtml) this.$("#pictures").innerHTML = this.picturesHtml = html;
    this.fillPictures();
  }

  // ---- rendering -----------------------------------------------------------------------------

  renderAll() {
    this.renderHighlights();
    this.renderScores(this.report);
    this.renderCategoryToggles();
    this.renderFindings();
    this.renderPictures();
    this.renderChunks();
    this.updateUndo();
    const r = this.report;
    const n = r.findings.length;
    const words = r.scores.counts.words_total;
    this.setStatus(`${words.toLocaleString("en-GB")} words · ${n} finding${n === 1 ? "" : "s"} · checked in ${Math.max(1, Math.round(this.timings.checkMs ?? 0))} ms`);
    const age = fmt1(r.scores.readability.reading_age);
    const summary = `${n} finding${n === 1 ? "" : "s"}${age ? `, reading age ${age}` : ""}.`;
    if (summary !== this.lastAnnounced) {
      this.lastAnnounced = summary;
      this.announce(summary);
    }
    this.current = -2;
    this.updateCurrent();
  }

  renderHighlights() {
    const text = this.textarea.value;
    const findings = this.report?.findings ?? [];
    const items = [];
    findings.forEach((f, i) => {
      const r = this.ranges[i];
      if (!r || f.scope === "document" || this.hiddenCats.has(f.category)) return;
      const start = Math.max(0, Math.min(r.start, text.length));
      const end = Math.max(0, Math.min(r.end, text.length));
      if (end > start) items.push({ i, start, end, f });
    });
    const cuts = new Set([0, text.length]);
    for (const it of items) cuts.add(it.start).add(it.end);
    const points = [...cuts].sort((a, b) => a - b);
    let html = "";
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      const piece = esc(text.slice(a, b));
      const active = items.filter((it) => it.start <= a && it.end >= b);
      if (!active.length) {
        html += piece;
        continue;
      }
      const inner = active.reduce((x, y) => {
        const lx = x.end - x.start;
        const ly = y.end - y.start;
        return ly < lx || (ly === lx && SEVERITY_RANK[y.f.severity] > SEVERITY_RANK[x.f.severity]) ? y : x;
      });
      const ids = active.map((it) => it.i).join(" ");
      const current = active.some((it) => it.i === this.current) ? " active" : "";
      const cls = `c-${inner.f.category} s-${inner.f.severity} d${Math.min(active.length, 3)}${current}`;
      html += `<mark class="${cls}" data-f="${ids}">${piece}</mark>`;
    }
    // A final newline needs a character after it to take up its line, as it does in the textarea.
    html += "\u200b";
    if (html !== this.backdropHtml) this.backdrop.innerHTML = this.backdropHtml = html;
  }

  renderScores(r) {
    const s = r?.scores;
    const target = (metric) => r?.targets.find((t) => t.metric === metric);
    const status = (t) => (t ? `<span class="badge st-${t.status}">${{ pass: "Pass", acceptable: "Acceptable", fail: "Too hard" }[t.status] ?? esc(t.status)}</span>` : "");
    const row = (label, value, extra = "", id = "") => `<div class="score"${id ? ` id="${id}"` : ""}><dt>${label}</dt><dd><span class="value">${value ?? dash}</span>${extra}</dd></div>`;
    const age = target("reading_age");
    const rd = s?.readability;
    const band = age
      ? `<span class="band">target ${fmt1(age.pass_at_most)} or under${age.acceptable_at_most != null ? `, acceptable to ${fmt1(age.acceptable_at_most)}` : ""} (from ${rd.target_grade_source === "smog" ? "SMOG" : "consensus grade"})</span>`
      : "";
    const complex = target("complex_language_pct");
    const num = s?.numeracy;
    const pct = fmt1(s?.language.complex_language_pct);
    const spread = rd?.grade_spread ? ` <span class="band">range ${fmt1(rd.grade_spread[0])} to ${fmt1(rd.grade_spread[1])}</span>` : "";
    const minutes = s ? Math.ceil(s.reading_time.silent_seconds / 60) : null;
    this.$("#scores").innerHTML = [
      row("Reading age", fmt1(rd?.reading_age), status(age) + band, "score-reading-age"),
      row("SMOG grade", fmt1(rd?.smog.grade), rd ? ` <span class="band">confidence ${esc(rd.smog.confidence)}</span>` : "", "score-smog"),
      row("Consensus grade", fmt1(rd?.consensus_grade), spread, "score-consensus"),
      row("Flesch–Kincaid grade", fmt1(rd?.flesch_kincaid_grade), "", "score-fk"),
      row("Complex language", pct == null ? null : `${pct}%`, status(complex) + (complex ? `<span class="band">target ${fmt1(complex.pass_at_most)}% or under</span>` : ""), "score-complex"),
      row("Passive voice", s?.language.passive_count ?? null, "", "score-passive"),
      row("Numeracy load", num?.load != null ? fmt1(num.load) : null, num?.band ? ` <span class="band">${esc(num.band)}</span>` : "", "score-numeracy"),
      row("Words", s ? s.counts.words_total.toLocaleString("en-GB") : null, s ? ` <span class="band">${s.counts.formula_sentences} sentences, about ${minutes < 1 ? "under 1" : minutes} min to read</span>` : "", "score-words"),
    ].join("");
    this.$("#notes").innerHTML = (r?.notes ?? []).map((n) => `<li>${esc(n)}</li>`).join("");
  }

  renderCategoryToggles() {
    const counts = {};
    for (const f of this.report?.findings ?? []) counts[f.category] = (counts[f.category] ?? 0) + 1;
    const cats = Object.keys(CATEGORIES).filter((c) => this.rules.some((r) => r.category === c) || counts[c]);
    const box = this.$("#cats");
    const have = [...box.querySelectorAll("input")].map((i) => i.value);
    if (have.join() === cats.join()) {
      // Same chips: update the counts in place so a focused chip keeps its focus.
      for (const input of box.querySelectorAll("input")) input.parentElement.querySelector(".n").textContent = counts[input.value] ?? 0;
      return;
    }
    box.innerHTML = cats
      .map((c) => `<label class="chip c-${c}"><input type="checkbox" value="${c}"${this.hiddenCats.has(c) ? "" : " checked"}> ${CATEGORIES[c]} <span class="n">${counts[c] ?? 0}</span></label>`)
      .join("");
  }

  renderRuleToggles() {
    const sorted = [...this.rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
    this.$("#rules").innerHTML = sorted
      .map((r) => {
        const on = this.ruleOverrides[r.id] ?? this.ruleDefault(r.id);
        return `<label class="rule"><input type="checkbox" value="${r.id}"${on ? " checked" : ""}> <code>${r.id}</code> <span class="cat-name">${CATEGORIES[r.category] ?? r.category}</span><br><span class="summary">${esc(r.summary)}</span></label>`;
      })
      .join("");
  }

  renderFindings() {
    const r = this.report;
    if (!r) return;
    const text = this.reportText;
    const vis = this.visibleIndexes();
    const hiddenCount = r.findings.length - vis.length;
    this.$("#count").textContent = `(${vis.length}${hiddenCount ? ` shown, ${hiddenCount} hidden` : ""})`;
    const list = this.$("#findings");
    if (!vis.length) {
      list.innerHTML = `<li class="empty">${r.findings.length ? "All findings are hidden." : text.trim() ? "No findings." : "Type or paste some text to check it."}</li>`;
      this.itemHtml = [];
      return;
    }
    const items = vis.map((i) => {
        const f = r.findings[i];
        const meta = this.ruleById.get(f.rule);
        let excerpt = text.slice(f.utf16.start, f.utf16.end).replace(/\s+/g, " ").trim();
        if (excerpt.length > 140) excerpt = excerpt.slice(0, 110) + " … " + excerpt.slice(-25);
        const fixes = f.fixes
          .map((x, k) => `<button type="button" class="fix" data-fix="${k}">${x.applicability === "safe" ? "Fix" : "Suggest"}: ${esc(x.label)}</button>${x.applicability === "review" ? '<span class="review">review the result</span>' : ""}`)
          .join("");
        return `<li id="f-${i}" class="finding c-${f.category} s-${f.severity}" data-i="${i}">
  <button type="button" class="goto">
    <span class="meta"><span class="sev">${SEVERITY[f.severity]}</span><span class="cat-name">${CATEGORIES[f.category] ?? f.category}</span><span class="rule-id">${esc(f.rule)}</span><span class="pos">line ${f.line}</span></span>
    <span class="msg">${esc(f.message)}</span><span class="sr-only"> Show in text.</span>
  </button>
  ${excerpt && f.scope !== "document" ? `<blockquote class="excerpt">${esc(excerpt)}</blockquote>` : ""}
  ${f.help ? `<p class="help">${esc(f.help)}</p>` : ""}
  ${meta ? `<details class="why"><summary>Why it matters</summary><p>${esc(meta.why)}</p><p class="src">Source: ${esc(meta.source)}</p></details>` : ""}
  ${fixes ? `<div class="fixes">${fixes}</div>` : ""}
  ${f.data?.picture ? pictureFigure(f.data.picture, `f${i}`) : ""}
</li>`;
    });
    // Typing changes one or two findings: replace only the items whose HTML changed, so the list
    // stays cheap to update on long texts and keeps focus on untouched items.
    const old = this.itemHtml ?? [];
    if (old.length !== items.length || list.children.length !== items.length) {
      list.innerHTML = items.join("");
    } else {
      items.forEach((h, k) => {
        if (h !== old[k]) list.children[k].outerHTML = h;
      });
    }
    this.itemHtml = items;
    this.fillPictures();
  }

  renderChunks() {
    const chunks = this.report?.chunks ?? [];
    const closing = this.report?.closing_prompt;
    const el = this.$("#chunks");
    if (!chunks.length && !closing) {
      el.innerHTML = `<p class="hint">Teach-back prompts for each section appear here when the checker finds sections with things for the reader to do.</p>`;
      return;
    }
    el.innerHTML = `<ol class="chunk-list">${chunks
      .map((c) => {
        const prompts = Array.isArray(c.teach_back) ? c.teach_back : [];
        return `<li class="chunk"><h3>${esc(c.heading ?? (c.index === 0 ? "Opening" : `Section ${c.index + 1}`))}</h3>
  <p class="band">${c.words ?? "—"} words${c.actions != null ? `, ${c.actions} action${c.actions === 1 ? "" : "s"}` : ""}${c.fk_grade != null ? `, grade ${fmt1(c.fk_grade)}` : ""}</p>
  ${prompts.length ? `<h4 class="tb-label">Teach-back prompts</h4><ul class="teach-back">${prompts.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>` : ""}
</li>`;
      })
      .join("")}</ol>${closing ? `<h3>To close</h3><p class="closing-prompt">${esc(closing)}</p>` : ""}`;
  }

  preparePrint(on) {
    this.root.querySelectorAll("details.why").forEach((d) => {
      if (on) {
        d.dataset.wasOpen = d.open ? "1" : "";
        d.open = true;
      } else d.open = d.dataset.wasOpen === "1";
    });
    const when = new Date().toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" });
    this.$("#print-meta").textContent = `${this.fileName || "Untitled text"} · profile ${PROFILES[this.profile]} · ${when} · leaflint ${this.version ?? ""}`;
  }

  /** Visible status line (not announced: it changes with every check). */
  setStatus(msg) {
    const el = this.$("#status");
    if (el) el.textContent = msg;
  }

  /** Say something to screen-reader users (a polite live region). */
  announce(msg) {
    const el = this.$("#live");
    if (el) el.textContent = msg;
  }

  showError(msg) {
    const el = this.$("#alert");
    if (!el) return;
    el.textContent = msg;
    el.hidden = false;
  }
}

customElements.define("leaflint-checker", LeaflintChecker);
