#!/usr/bin/env node
// `./x bench perf` — the suite's performance report (issue #8): transfer size with the share of
// each widget and of the largest dependencies, start-up in headless Chromium on the demo pages
// (1× and 4× CPU throttling), layout stability, interaction latency and memory. Prints tables
// and writes a JSON file. A command, not a test: nothing here asserts a time.
//
//   node bench/perf/run.mjs [--runs 20] [--pkg target/pkg] [--variants DIR] [--names WASM]
//                           [--out target/bench-perf.json] [--skip-browser]
//
// `./x bench perf` builds first (target/pkg, www/pkg, the variants and the wasm with names);
// run directly, it measures what is there. Method and results: docs/perf.md.

import { createRequire } from "node:module";
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { packageSizes, variantSizes, twiggyBreakdown } from "./size.mjs";
import { instrument, settle, installKeystrokeProbe, cartChangeOnce, typeQueries, advisorAnswerOnce, loyaltyOpenOnce } from "./page.mjs";
import { launchChromium } from "../lib/browser.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const { chromium } = createRequire(path.join(ROOT, "tests", "e2e", "package.json"))("playwright-core");

// ---- arguments -----------------------------------------------------------------------------

const args = process.argv.slice(2);
const FLAGS = ["--skip-browser"];
const OPTIONS = ["--runs", "--pkg", "--variants", "--names", "--out"];
function usage(msg) {
  console.error(`${msg}\nusage: node bench/perf/run.mjs [--runs N] [--pkg DIR] [--variants DIR] [--names WASM] [--out FILE] [--skip-browser]`);
  process.exit(2);
}
for (let i = 0; i < args.length; i++) {
  if (FLAGS.includes(args[i])) continue;
  if (!OPTIONS.includes(args[i])) usage(`unknown argument ${args[i]}`);
  if (i + 1 >= args.length) usage(`${args[i]} needs a value`);
  i++;
}
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt("--runs", "20"));
if (!Number.isInteger(RUNS) || RUNS < 1) usage("--runs takes a positive integer");
const PKG = path.resolve(opt("--pkg", path.join(ROOT, "target", "pkg")));
const VARIANTS = opt("--variants", null);
const NAMES = opt("--names", null);
const OUT = path.resolve(opt("--out", path.join(ROOT, "target", "bench-perf.json")));
const SKIP_BROWSER = args.includes("--skip-browser");
const BACKEND = path.join(ROOT, "target", "release", "schaufenster-backend");
const THROTTLE = [1, 4];

// ---- what is measured ----------------------------------------------------------------------

/** The suite's five widgets. A widget is built when its cargo feature is in the default set of
 *  crates/widgets/Cargo.toml; the others print "n/a (widget not built yet)". */
const WIDGETS = [
  { feature: "shipping-bar", tag: "sf-shipping-bar", title: "free-shipping bar" },
  { feature: "social-proof", tag: "sf-social-proof", title: "social-proof badges" },
  { feature: "faq", tag: "sf-faq", title: "FAQ search" },
  { feature: "advisor", tag: "sf-advisor", title: "product advisor" },
  { feature: "loyalty", tag: "sf-loyalty", title: "loyalty points" },
];
const built = (() => {
  const toml = fs.readFileSync(path.join(ROOT, "crates", "widgets", "Cargo.toml"), "utf8");
  const m = toml.match(/^default = \[(.*)\]$/m);
  return new Set(m ? m[1].split(",").map((s) => s.trim().replace(/"/g, "")).filter(Boolean) : []);
})();
const isBuilt = (feature) => built.has(feature);
const NOT_BUILT = "n/a (widget not built yet)";

/** Demo pages (the reference backend serves www/). `cart`: lines put into the visitor's cart
 *  through the API before the page loads. */
const PAGES = [
  { path: "/", title: "shop grid (bar + badges)" },
  { path: "/product.html?id=reiserucksack-40", title: "product (badges)" },
  { path: "/cart.html", title: "cart (bar)", cart: [["kulturbeutel", 1]] },
  { path: "/help.html", title: "help (FAQ)" },
  { path: "/advisor.html", title: "advisor (advisor + bar)" },
  { path: "/konto.html", title: "account (loyalty, logged out)", cart: [["kulturbeutel", 1]] },
];

/** Keystroke queries for the FAQ (ASCII, so every character is a real keydown). */
const TYPED = ["ruecksendung kosten", "versand oesterreich", "gutschein einloesen", "rechnung", "handgepaeck masse", "lieferzeit", "treuepunkte", "kreditkarte"];
const CART_CHANGES = 30;
const MEMORY_QUERIES = 1000;

/** Interactions of issue #8; `run` is null for widgets that do not exist yet. */
const INTERACTIONS = [
  { id: "faq-typing", widget: "faq", title: "typing in the FAQ (per keystroke)", run: faqTyping },
  { id: "advisor-answer", widget: "advisor", title: "answering an advisor question (click on Next)", run: advisorAnswer },
  { id: "cart-change", widget: "shipping-bar", title: "changing the cart, bar on screen", run: cartChange },
  { id: "loyalty-panel", widget: "loyalty", title: "opening the loyalty panel (launcher click)", run: loyaltyOpen },
];

// ---- helpers -------------------------------------------------------------------------------

function quantile(values, q) {
  const s = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return null;
  // Nearest rank: p95 of 20 loads is the 19th.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const stats = (values) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95), max: quantile(values, 1), n: values.length });
const kb = (n) => (n / 1024).toFixed(1);
const signedKb = (n) => (n >= 0 ? "" : "−") + kb(Math.abs(n));
const ms = (v, digits = 0) => (v === null || v === undefined ? "–" : v.toFixed(digits));
const log = (msg) => process.stderr.write(msg + "\n");

function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const width = headers.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => "| " + r.map((c, i) => ((align || "")[i] === "l" ? c.padEnd(width[i]) : c.padStart(width[i]))).join(" | ") + " |";
  const sep = "|" + width.map((w, i) => ((align || "")[i] === "l" ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(headers), sep, ...rows.map(line)].join("\n");
}

function machine(chromiumVersion) {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || (os.cpus()[0] || {}).model || "unknown";
  let debian = "";
  try {
    debian = fs.readFileSync("/etc/debian_version", "utf8").trim();
  } catch {
    // not Debian
  }
  return {
    cores: os.cpus().length,
    cpu: model.trim(),
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: debian ? `Debian ${debian} (${os.type()} ${os.release()})` : `${os.type()} ${os.release()}`,
    chromium: chromiumVersion,
    node: process.version,
    load_average: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

// ---- backend -------------------------------------------------------------------------------

/** The release backend on 127.0.0.1 at a port the OS picks (never the e2e tests' 4817), with an
 *  in-memory database; resolves to { base, stop }. */
function startBackend() {
  if (!fs.existsSync(BACKEND)) throw new Error(`missing ${BACKEND} (./x bench perf builds it)`);
  const child = spawn(BACKEND, ["--addr", "127.0.0.1:0", "--www", path.join(ROOT, "www")], { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stop);
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the backend did not print its address within 15 s")), 15000);
    child.on("exit", (code) => reject(new Error(`the backend exited with ${code}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        child.stdout.resume();
        resolve({ base: `http://${m[1]}`, stop });
      }
    });
  });
}

// ---- browser measurements ------------------------------------------------------------------

async function newPage(browser, base, { rate = 1, cart = [] } = {}) {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1000, height: 700 } });
  await context.addInitScript(instrument);
  for (const [product_id, quantity] of cart) {
    const res = await context.request.post(`${base}/api/cart/lines`, { data: { product_id, quantity } });
    if (!res.ok()) throw new Error(`adding ${product_id} to the cart: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return { context, page, cdp, problems };
}

async function openReady(browser, base, spec, rate) {
  const s = await newPage(browser, base, { rate, cart: spec.cart || [] });
  await s.page.goto(base + spec.path, { waitUntil: "commit" });
  await s.page.waitForFunction(() => window.__perf && window.__perf.allReady(), null, { timeout: 60_000, polling: 50 });
  await s.page.evaluate(settle);
  return s;
}

async function loadOnce(browser, base, spec, rate) {
  const s = await openReady(browser, base, spec, rate);
  try {
    const r = await s.page.evaluate(() => window.__perf.summary());
    if (s.problems.length) throw new Error(`${spec.path}: console errors: ${s.problems.join(" | ")}`);
    return r;
  } finally {
    await s.context.close();
  }
}

async function startup(browser, base) {
  const results = [];
  for (const spec of PAGES) results.push({ path: spec.path, title: spec.title, throttle: {} });
  for (const rate of THROTTLE) {
    // One load per page first, not counted: the backend's and Chromium's first requests.
    for (const spec of PAGES) await loadOnce(browser, base, spec, rate);
    const samples = PAGES.map(() => []);
    for (let run = 1; run <= RUNS; run++) {
      // Pages interleaved, so that drift on the shared machine hits all of them alike.
      for (let i = 0; i < PAGES.length; i++) samples[i].push(await loadOnce(browser, base, PAGES[i], rate));
      log(`start-up ${rate}×: run ${run}/${RUNS}: ` + PAGES.map((p, i) => `${p.path.split("?")[0]} ${samples[i].at(-1).ready_ms.toFixed(0)} ms`).join(", "));
    }
    PAGES.forEach((spec, i) => {
      const s = samples[i];
      const pick = (k) => s.map((x) => x[k]);
      results[i].widgets = s[0].widgets;
      results[i].throttle[`${rate}x`] = {
        loads: s.length,
        ready_ms: stats(pick("ready_ms")),
        first_ready_ms: stats(pick("first_ready_ms")),
        fcp_ms: stats(pick("fcp_ms")),
        dom_content_loaded_ms: stats(pick("dom_content_loaded_ms")),
        wasm_fetch_ms: stats(pick("wasm_fetch_ms")),
        wasm_instantiate_start_ms: stats(pick("wasm_instantiate_start_ms")),
        wasm_instantiate_ms: stats(pick("wasm_instantiate_ms")),
        wasm_after_last_byte_ms: stats(pick("wasm_after_last_byte_ms")),
        wasm_via: s[0].wasm_via,
        long_tasks: stats(pick("long_tasks")),
        long_task_ms: stats(pick("long_task_ms")),
        blocking_ms: stats(pick("blocking_ms")),
        cls: stats(pick("cls")),
        layout_shifts: stats(pick("shifts")),
        shift_sources: [...new Set(s.flatMap((x) => x.shift_sources))],
        shift_times_ms: stats(s.flatMap((x) => x.shift_times_ms)),
        ready_events: stats(pick("ready_events")),
        errors: [...new Set(s.flatMap((x) => x.errors))],
      };
    });
  }
  return results;
}

async function faqTyping(browser, base, rate) {
  const s = await openReady(browser, base, { path: "/help.html" }, rate);
  try {
    await s.page.evaluate(installKeystrokeProbe);
    await s.page.locator("sf-faq input").click();
    let n = 0;
    const slowBefore = await s.page.evaluate(() => window.__perf.slowEvents.length);
    for (const query of TYPED) {
      for (const ch of query) {
        await s.page.keyboard.type(ch);
        n++;
        await s.page.evaluate((k) => window.__keys.wait(k), n);
      }
      // Clear the box (not measured) and let the results settle.
      await s.page.evaluate(() => (window.__keys.paused = true));
      await s.page.keyboard.press("Control+A");
      await s.page.keyboard.press("Backspace");
      await s.page.evaluate(settle);
      await s.page.evaluate(() => (window.__keys.paused = false));
    }
    const r = await s.page.evaluate((from) => ({ samples: window.__keys.samples, slow: window.__perf.slowEvents.slice(from) }), slowBefore);
    if (s.problems.length) throw new Error(`FAQ typing: console errors: ${s.problems.join(" | ")}`);
    // Event Timing per interaction (keydown, keypress and keyup of one key share an
    // interactionId): its duration is the longest of its events, as INP counts it.
    // Only the measured keystrokes (their keydown starts at the sample's timestamp), not the
    // Ctrl+A and Backspace that clear the box between queries.
    const measured = new Set(r.slow.filter((e) => e.name === "keydown" && r.samples.some((x) => Math.abs(x.t0 - e.start) < 0.5)).map((e) => e.interaction));
    const perInteraction = new Map();
    for (const e of r.slow) if (e.interaction && measured.has(e.interaction)) perInteraction.set(e.interaction, Math.max(perInteraction.get(e.interaction) || 0, e.duration));
    const durations = [...perInteraction.values()];
    return {
      samples: r.samples.length,
      changed: r.samples.filter((x) => x.changed).length,
      latency_ms: stats(r.samples.map((x) => x.latency)),
      work_ms: stats(r.samples.map((x) => x.handled - x.t0)),
      first_frame: r.samples.filter((x) => x.firstFrameHit).length,
      event_timing: {
        interactions_reported: durations.length,
        over_16ms: durations.filter((d) => d > 16).length,
        duration_ms: stats(durations),
      },
      note: "latency: keydown timestamp → first task after the next paint following the input event; work: keydown timestamp → the widget's input handler has searched and rendered",
    };
  } finally {
    await s.context.close();
  }
}

async function cartChange(browser, base, rate) {
  const s = await openReady(browser, base, { path: "/cart.html", cart: [["kulturbeutel", 1]] }, rate);
  try {
    const samples = [];
    // Two changes first, not counted; then quantity 2, 1, 2, … so the message changes each time.
    for (let i = 0; i < CART_CHANGES + 2; i++) {
      const r = await s.page.evaluate(cartChangeOnce, { productId: "kulturbeutel", quantity: i % 2 === 0 ? 2 : 1 });
      if (i >= 2) samples.push(r);
    }
    if (s.problems.length) throw new Error(`cart change: console errors: ${s.problems.join(" | ")}`);
    return {
      samples: samples.length,
      latency_ms: stats(samples.map((x) => x.latency)),
      work_ms: stats(samples.map((x) => x.changed)),
      first_frame: samples.filter((x) => x.firstFrameHit).length,
      fetch_ms: stats(samples.map((x) => x.fetch)),
      after_fetch_ms: stats(samples.filter((x) => x.fetch !== null).map((x) => x.latency - x.fetch)),
      note: "dispatch of sf:cart-changed → first task after the paint that shows the new message; includes the bar's GET /api/cart",
    };
  } finally {
    await s.context.close();
  }
}

const ADVISOR_ANSWERS = 30;

async function advisorAnswer(browser, base, rate) {
  const s = await openReady(browser, base, { path: "/advisor.html" }, rate);
  try {
    const samples = [];
    // Two answers first, not counted; then question after question, starting over at the end.
    for (let i = 0; i < ADVISOR_ANSWERS + 2; i++) {
      const r = await s.page.evaluate(advisorAnswerOnce);
      if (i >= 2) samples.push(r);
    }
    if (s.problems.length) throw new Error(`advisor: console errors: ${s.problems.join(" | ")}`);
    return {
      samples: samples.length,
      latency_ms: stats(samples.map((x) => x.latency)),
      work_ms: stats(samples.map((x) => x.work)),
      first_frame: samples.filter((x) => x.firstFrameHit).length,
      note: "click on Next → first task after the next paint; work: the click's synchronous handler (rescoring, option counts and the next step's markup); 49 demo products",
    };
  } finally {
    await s.context.close();
  }
}

const LOYALTY_OPENS = 30;

async function loyaltyOpen(browser, base, rate) {
  const s = await openReady(browser, base, { path: "/cart.html", cart: [["kulturbeutel", 1]] }, rate);
  try {
    const samples = [];
    for (let i = 0; i < LOYALTY_OPENS + 2; i++) {
      const r = await s.page.evaluate(loyaltyOpenOnce);
      if (i >= 2) samples.push(r);
    }
    if (s.problems.length) throw new Error(`loyalty: console errors: ${s.problems.join(" | ")}`);
    return {
      samples: samples.length,
      latency_ms: stats(samples.map((x) => x.latency)),
      work_ms: stats(samples.map((x) => x.work)),
      first_frame: samples.filter((x) => x.firstFrameHit).length,
      note: "click on the launcher (cart page, logged out) → first task after the paint that shows the dialog; work: the click's synchronous handler",
    };
  } finally {
    await s.context.close();
  }
}

async function interactions(browser, base) {
  const out = [];
  for (const it of INTERACTIONS) {
    const row = { id: it.id, widget: it.widget, title: it.title };
    if (!isBuilt(it.widget) || !it.run) {
      row.result = NOT_BUILT;
    } else {
      row.throttle = {};
      for (const rate of THROTTLE) {
        log(`interaction ${it.id} at ${rate}×`);
        row.throttle[`${rate}x`] = await it.run(browser, base, rate);
      }
    }
    out.push(row);
  }
  return out;
}

/** Queries as a shopper types them: every prefix of the demo FAQ's questions, in order. */
function memoryQueries() {
  const entries = JSON.parse(fs.readFileSync(path.join(ROOT, "crates", "backend", "data", "faq.de.json"), "utf8"));
  const out = [];
  for (let i = 0; out.length < MEMORY_QUERIES; i++) {
    const q = entries[i % entries.length].question.toLowerCase().replace(/[?!.,–]/g, "").trim();
    for (let k = 1; k <= q.length && out.length < MEMORY_QUERIES; k++) out.push(q.slice(0, k));
  }
  return out;
}

async function memory(browser, base) {
  const s = await openReady(browser, base, { path: "/help.html" }, 1);
  try {
    const read = async () => {
      await s.cdp.send("HeapProfiler.collectGarbage");
      const heap = await s.cdp.send("Runtime.getHeapUsage");
      const wasm = await s.page.evaluate(() => (window.__perf.instance ? window.__perf.instance.exports.memory.buffer.byteLength : null));
      return { js_heap_used_bytes: heap.usedSize, js_heap_total_bytes: heap.totalSize, wasm_memory_bytes: wasm };
    };
    const afterStartup = await read();
    const queries = memoryQueries();
    const times = await s.page.evaluate(typeQueries, queries);
    // The widget's "typing paused" timer (700 ms) runs once more after the last query.
    await s.page.waitForTimeout(1000);
    await s.page.evaluate(settle);
    const afterQueries = await read();
    if (s.problems.length) throw new Error(`memory: console errors: ${s.problems.join(" | ")}`);
    return { page: "/help.html", queries: queries.length, after_startup: afterStartup, after_queries: afterQueries, query_dispatch_ms: stats(times) };
  } finally {
    await s.context.close();
  }
}

// ---- output --------------------------------------------------------------------------------

function printSizes(report) {
  const { files, totals } = report.size;
  console.log("\n## Transfer size (each file compressed on its own, KB = 1024 B)\n");
  console.log(
    table(
      ["file", "kind", "raw KB", "gzip -9 KB", "brotli 11 KB"],
      [
        ...files.map((f) => [f.file, f.kind, kb(f.raw), kb(f.gzip), kb(f.brotli)]),
        ...["wasm", "JS", "CSS"].map((k) => [`total ${k}`, "", kb(totals[k].raw), kb(totals[k].gzip), kb(totals[k].brotli)]),
        ["**total**", "", kb(totals.all.raw), kb(totals.all.gzip), kb(totals.all.brotli)],
      ],
      "ll",
    ),
  );
  const a = report.attribution;
  console.log("\n## Size per widget (full package minus the package built without it)\n");
  if (!a) {
    console.log("(no variants: run ./x bench perf without --no-variants)");
  } else {
    const rows = WIDGETS.map((w) => {
      const d = a.widgets.find((x) => x.widget === w.feature);
      if (!d) return [`${w.tag} (${w.title})`, NOT_BUILT, "", "", ""];
      return [`${w.tag} (${w.title})`, signedKb(d.wasm_raw), signedKb(d.wasm_gzip), signedKb(d.gzip), signedKb(d.brotli)];
    });
    if (a.shared_by_widgets) {
      const s = a.shared_by_widgets;
      rows.push(["shared by two or more widgets (rest)", signedKb(s.wasm_raw), signedKb(s.wasm_gzip), signedKb(s.gzip), signedKb(s.brotli)]);
    }
    if (a.runtime) rows.push(["runtime alone (no widget: config, backend client, JS API)", kb(a.runtime.wasm_raw), kb(a.runtime.wasm_gzip), kb(a.runtime.gzip), kb(a.runtime.brotli)]);
    rows.push(["**full package**", kb(report.size.totals.wasm.raw), kb(report.size.totals.wasm.gzip), kb(report.size.totals.all.gzip), kb(report.size.totals.all.brotli)]);
    console.log(table(["part", "wasm raw KB", "wasm gzip KB", "total gzip KB", "total brotli KB"], rows, "l"));
  }
  const t = report.twiggy;
  console.log("\n## Largest parts of the wasm by crate (twiggy, shallow bytes, before wasm-opt)\n");
  if (!t || t.error) {
    console.log(`(twiggy: ${t ? t.error : "no wasm with names; ./x bench perf builds it"})`);
    return;
  }
  const pct = (b) => ((100 * b) / t.code_and_data_bytes).toFixed(1);
  console.log(`wasm-bindgen output with names: ${kb(t.bytes)} KB, of which code and data ${kb(t.code_and_data_bytes)} KB (the name section, ${kb(t.names_bytes)} KB, is not shipped)\n`);
  console.log(table(["group", "KB", "%"], t.groups.map((g) => [g.group, kb(g.bytes), pct(g.bytes)]), "l"));
  console.log("");
  console.log(table(["crate or module", "group", "KB", "%"], t.crates.slice(0, 20).map((c) => [c.crate, c.group, kb(c.bytes), pct(c.bytes)]), "ll"));
}

function printStartup(report) {
  console.log(`\n## Start-up in headless Chromium (median / p95 of ${RUNS} loads, fresh context each; ms from navigation start)\n`);
  const rows = [];
  for (const p of report.startup) {
    const w = Object.entries(p.widgets || {}).map(([k, n]) => `${n}× ${k}`).join(", ");
    for (const rate of THROTTLE) {
      const r = p.throttle[`${rate}x`];
      const mp = (s, d = 0) => `${ms(s.median, d)} / ${ms(s.p95, d)}`;
      rows.push([rate === 1 ? p.path : "", rate === 1 ? w : "", `${rate}×`, mp(r.ready_ms), mp(r.wasm_instantiate_ms), mp(r.wasm_fetch_ms, 1), `${ms(r.long_tasks.median)} / ${ms(r.long_tasks.p95)}`, mp(r.long_task_ms), mp(r.fcp_ms)]);
    }
  }
  console.log(table(["page", "widgets", "CPU", "all sf:ready", "wasm compile+instantiate", "wasm fetch", "long tasks (n)", "long tasks (ms)", "FCP"], rows, "lll"));
  console.log("\n## Layout stability (CLS from navigation to all widgets ready, max over the loads)\n");
  const sources = (p) => [...new Set([...p.throttle["1x"].shift_sources, ...p.throttle["4x"].shift_sources])];
  console.log(
    table(
      ["page", "CLS 1× (max)", "CLS 4× (max)", "shifts (max)", "what moved"],
      report.startup.map((p) => [
        p.path,
        p.throttle["1x"].cls.max.toFixed(4),
        p.throttle["4x"].cls.max.toFixed(4),
        String(Math.max(p.throttle["1x"].layout_shifts.max, p.throttle["4x"].layout_shifts.max)),
        sources(p).join(", ") || "nothing",
      ]),
      "l---l",
    ),
  );
}

function printInteractions(report) {
  console.log("\n## Interaction latency (ms, median / p95; \"to paint\": event → first task after the next paint, \"work\": event → widget's DOM updated)\n");
  const rows = report.interactions.map((it) => {
    if (it.result) return [it.title, it.result, "", "", "", "", "", "", ""];
    const cell = (rate, k) => {
      const r = it.throttle[`${rate}x`][k];
      return `${ms(r.median, 1)} / ${ms(r.p95, 1)}`;
    };
    const under = (rate) => (it.throttle[`${rate}x`].latency_ms.p95 < 16 ? "yes" : "no");
    const first = (rate) => {
      const r = it.throttle[`${rate}x`];
      return `${Math.round((100 * r.first_frame) / r.samples)} %`;
    };
    return [it.title, cell(1, "latency_ms"), cell(1, "work_ms"), under(1), first(1), cell(4, "latency_ms"), cell(4, "work_ms"), under(4), first(4)];
  });
  console.log(table(["interaction", "1× to paint", "1× work", "1× p95 < 16", "1× in 1st frame", "4× to paint", "4× work", "4× p95 < 16", "4× in 1st frame"], rows, "l"));
  console.log('\n"in 1st frame": share of events whose change was painted in the first frame that began after the event (nothing waited for a later frame).');
  const faq = report.interactions.find((i) => i.id === "faq-typing");
  if (faq && faq.throttle) {
    const line = (rate) => {
      const e = faq.throttle[`${rate}x`].event_timing;
      return `${rate}×: ${e.over_16ms} of ${e.interactions_reported} keystrokes reported over 16 ms (median ${ms(e.duration_ms.median)}, max ${ms(e.duration_ms.max)})`;
    };
    const r = faq.throttle["1x"];
    console.log(`\nFAQ: ${r.samples} keystrokes (${r.changed} changed the results). Event Timing (duration to the next paint, 8 ms steps, per keystroke): ${line(1)}; ${line(4)}.`);
  }
  const cart = report.interactions.find((i) => i.id === "cart-change");
  if (cart && cart.throttle) {
    const r = cart.throttle["1x"];
    console.log(`Cart: ${r.samples} changes; of the 1× median, the bar's GET /api/cart took ${ms(r.fetch_ms.median, 1)} ms, the rest (parse, evaluate, render, paint) ${ms(r.after_fetch_ms.median, 1)} ms.`);
  }
}

function printMemory(report) {
  const m = report.memory;
  console.log(`\n## Memory on ${m.page} (after a forced GC)\n`);
  const mb = (b) => (b === null ? "–" : (b / 2 ** 20).toFixed(2));
  console.log(
    table(
      ["when", "JS heap used MiB", "wasm memory MiB"],
      [
        ["after start-up", mb(m.after_startup.js_heap_used_bytes), mb(m.after_startup.wasm_memory_bytes)],
        [`after ${m.queries} FAQ queries`, mb(m.after_queries.js_heap_used_bytes), mb(m.after_queries.wasm_memory_bytes)],
      ],
      "l",
    ),
  );
  console.log(`\nOne query (input event: search + render, no paint): median ${ms(m.query_dispatch_ms.median, 2)} ms, p95 ${ms(m.query_dispatch_ms.p95, 2)} ms.`);
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(PKG, "schaufenster_bg.wasm"))) usage(`no package in ${PKG}; ./x bench perf builds it`);
  const report = {
    // The arguments a user gave (./x adds --pkg, --variants, --names and --out itself).
    command: ["./x bench perf", ...args.filter((a, i) => !["--pkg", "--variants", "--names", "--out"].includes(a) && !["--pkg", "--variants", "--names", "--out"].includes(args[i - 1]))].join(" "),
    date: new Date().toISOString(),
    git: (() => {
      try {
        return execFileSync("git", ["-C", ROOT, "describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
      } catch {
        return null;
      }
    })(),
    widgets: WIDGETS.map((w) => ({ ...w, built: isBuilt(w.feature) })),
  };
  report.size = packageSizes(PKG);
  report.attribution = variantSizes(VARIANTS, report.size.totals);
  report.twiggy = twiggyBreakdown(NAMES);
  printSizes(report);

  if (!SKIP_BROWSER) {
    const backend = await startBackend();
    let browser;
    try {
      browser = await launchChromium(chromium);
      report.machine = machine(browser.version());
      log(`backend ${backend.base}; Chromium ${browser.version()}; load average ${report.machine.load_average.join(" ")}`);
      report.startup = await startup(browser, backend.base);
      report.interactions = await interactions(browser, backend.base);
      report.memory = await memory(browser, backend.base);
      report.machine.load_average_after = os.loadavg().map((l) => Number(l.toFixed(2)));
    } finally {
      if (browser) await browser.close();
      backend.stop();
    }
    printStartup(report);
    printInteractions(report);
    printMemory(report);
    const m = report.machine;
    console.log(`\nMachine: ${m.cores} cores, ${m.cpu}, ${m.memory_gib} GiB, ${m.os}; Chromium ${m.chromium}; Node ${m.node}; load average ${m.load_average.join(" ")} before, ${m.load_average_after.join(" ")} after.`);
  } else {
    report.machine = machine(null);
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nJSON: ${path.relative(process.cwd(), OUT) || OUT}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
