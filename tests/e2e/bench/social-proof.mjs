// Benchmark of <sf-social-proof>: 100 badge elements on one page, fed by one batched
// /api/social-proof request. A command, not a test: `./x bench social-proof` (builds first) or
// `node tests/e2e/bench/social-proof.mjs [--runs 10]` with the package in www/pkg and
// target/release/schaufenster-backend built. Results and method: docs/bench-social-proof.md.
//
// 1. Starts the release backend on a free 127.0.0.1 port with --faults --bench-products 100
//    (synthetic products bench-001…bench-100, in-memory database).
// 2. Seeds events through POST /api/_test/events so that most products show badges.
// 3. Loads www/test/social-proof-100.html `runs` times in headless Chromium (/usr/bin/chromium,
//    the e2e config's flags): each run in a fresh browser context (cold: empty HTTP cache), then
//    reloaded once in that context (warm). Per load it records the stats requests, their bytes,
//    the time from navigation start to the last sf:ready and to the first animation frame that
//    contains a badge, and how many badges were rendered.
// 4. Prints a Markdown table (median and p95 over the runs).

import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..", "..");
const require = createRequire(path.join(HERE, "..", "package.json"));
const { chromium } = require("playwright-core");

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const RUNS = Number(opt("--runs", "10"));
const PRODUCTS = 100;
const PAGE = "/test/social-proof-100.html";
const BACKEND = path.join(ROOT, "target", "release", "schaufenster-backend");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// The same flags as tests/e2e/playwright.config.ts.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("backend did not become healthy within 15 s");
}

async function post(base, pathname, body) {
  const r = await fetch(base + pathname, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${pathname} ${JSON.stringify(body)} → ${r.status} ${await r.text()}`);
}

/** Events for bench-001…100: purchases for 3 of 4 products (3–32, so some "20+"), carts for
 *  every third, current viewers for every fifth. With the seeded ratings (about half) and low
 *  stock (every seventh) most products show one or two badges. */
async function seedEvents(base) {
  let events = 0;
  for (let i = 1; i <= PRODUCTS; i++) {
    const id = `bench-${String(i).padStart(3, "0")}`;
    const plan = [];
    if (i % 4 !== 0) plan.push(["purchase", 3 + ((i * 7) % 30), 30]);
    if (i % 3 === 0) plan.push(["cart", 5 + (i % 10), 60]);
    if (i % 5 === 0) plan.push(["view", 2 + (i % 4), 1]);
    for (const [kind, count, minutes_ago] of plan) {
      await post(base, "/api/_test/events", { product_id: id, kind, count, minutes_ago });
      events += count;
    }
  }
  return events;
}

// Instrumentation injected before the page's own scripts: sf:ready times and the first
// animation frame in which any badge exists (the frame it is painted in).
function instrument() {
  window.__bench = { ready: 0, lastReady: null, firstBadge: null };
  window.addEventListener(
    "sf:ready",
    (e) => {
      if (e.detail && e.detail.widget === "social-proof") {
        window.__bench.ready += 1;
        window.__bench.lastReady = performance.now();
      }
    },
    true,
  );
  const look = () => {
    for (const el of document.querySelectorAll("sf-social-proof")) {
      if (el.shadowRoot && el.shadowRoot.querySelector("li[part=badge]")) {
        window.__bench.firstBadge = performance.now();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function measure(page, load) {
  const stats = [];
  const onResponse = (res) => {
    if (new URL(res.url()).pathname === "/api/social-proof") stats.push(res);
  };
  const requests = [];
  const onRequest = (req) => {
    if (new URL(req.url()).pathname === "/api/social-proof") requests.push(req);
  };
  page.on("request", onRequest);
  page.on("response", onResponse);
  await load();
  await page.waitForFunction((n) => window.__bench && window.__bench.ready >= n && window.__bench.firstBadge !== null, PRODUCTS, { timeout: 30_000 });
  // Let a stray second request show up if the batching were broken.
  await page.waitForTimeout(300);
  const b = await page.evaluate(() => ({
    ...window.__bench,
    badges: Array.from(document.querySelectorAll("sf-social-proof")).reduce((n, e) => n + (e.shadowRoot ? e.shadowRoot.querySelectorAll("li[part=badge]").length : 0), 0),
    withBadges: Array.from(document.querySelectorAll("sf-social-proof")).filter((e) => e.shadowRoot && e.shadowRoot.querySelector("li[part=badge]")).length,
  }));
  let encoded = 0;
  let decoded = 0;
  let serverMs = 0;
  for (const res of stats) {
    decoded += (await res.body()).length;
    const sizes = await res.request().sizes();
    encoded += sizes.responseBodySize;
    const t = res.request().timing();
    serverMs += t.responseStart - t.requestStart;
  }
  page.off("request", onRequest);
  page.off("response", onResponse);
  return { requests: requests.length, encoded, decoded, serverMs, lastReady: b.lastReady, firstBadge: b.firstBadge, badges: b.badges, withBadges: b.withBadges, ready: b.ready };
}

function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  // Nearest rank: p95 of 10 runs is the largest value.
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

function describeMachine(browserVersion) {
  let debian = "";
  try {
    debian = fs.readFileSync("/etc/debian_version", "utf8").trim();
  } catch {
    // not Debian
  }
  const cpu = os.cpus();
  return {
    cpus: `${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : "unknown CPU"}`,
    os: debian ? `Debian ${debian} (${os.type()} ${os.release()})` : `${os.type()} ${os.release()}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    chromium: browserVersion,
    node: process.version,
  };
}

async function main() {
  for (const f of [BACKEND, path.join(ROOT, "www", "pkg", "schaufenster_bg.wasm"), path.join(ROOT, "www", PAGE), CHROMIUM]) {
    if (!fs.existsSync(f)) throw new Error(`missing ${f} (run ./x bench social-proof, which builds first)`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(BACKEND, ["--addr", `127.0.0.1:${port}`, "--www", path.join(ROOT, "www"), "--faults", "--bench-products", String(PRODUCTS)], { stdio: ["ignore", "ignore", "inherit"] });
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stop);
  let browser;
  try {
    await waitForHealth(base, child);
    const events = await seedEvents(base);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const machine = describeMachine(browser.version());
    const cold = [];
    const warm = [];
    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1000, height: 700 } });
      await context.addInitScript(instrument);
      const page = await context.newPage();
      const errors = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      cold.push(await measure(page, () => page.goto(base + PAGE)));
      warm.push(await measure(page, () => page.reload()));
      await context.close();
      if (errors.length) throw new Error(`console errors in run ${run}: ${errors.join(" | ")}`);
      process.stderr.write(`run ${run}/${RUNS}: cold ${cold.at(-1).lastReady.toFixed(0)} ms, warm ${warm.at(-1).lastReady.toFixed(0)} ms\n`);
    }
    print(machine, events, cold, warm);
  } finally {
    if (browser) await browser.close();
    stop();
  }
}

function print(machine, events, cold, warm) {
  const ms = (v) => `${v.toFixed(0)} ms`;
  const n = (v) => String(v);
  const bytes = (v) => `${v.toLocaleString("en")} B`;
  const row = (label, key, fmt) => {
    const c = cold.map((r) => r[key]);
    const w = warm.map((r) => r[key]);
    return `| ${label} | ${fmt(quantile(c, 0.5))} | ${fmt(quantile(c, 0.95))} | ${fmt(quantile(w, 0.5))} | ${fmt(quantile(w, 0.95))} |`;
  };
  const lines = [
    `Social-proof benchmark: ${PRODUCTS} <sf-social-proof> elements (${PAGE}), ${RUNS} runs, ${events} seeded events`,
    `Machine: ${machine.cpus}, ${machine.memory}, ${machine.os}; Chromium ${machine.chromium} (headless); Node ${machine.node}`,
    "",
    "| metric | cold median | cold p95 | warm median | warm p95 |",
    "|---|---:|---:|---:|---:|",
    row("/api/social-proof requests per load", "requests", n),
    row("response bytes, encoded (on the wire)", "encoded", bytes),
    row("response bytes, decoded (JSON)", "decoded", bytes),
    row("stats request: sent → first byte", "serverMs", ms),
    row("navigation start → first badge painted", "firstBadge", ms),
    row("navigation start → last sf:ready", "lastReady", ms),
    row("sf:ready events", "ready", n),
    row("elements with at least one badge", "withBadges", n),
    row("badges rendered", "badges", n),
    "",
    "cold = fresh browser context (empty HTTP cache: page, wasm, config fetched); warm = reload in the same context.",
    "p95 = nearest rank (with 10 runs: the slowest run).",
  ];
  console.log(lines.join("\n"));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
