#!/usr/bin/env node
// `./x bench faq-browser` — FAQ search in headless Chromium: the engine compiled to wasm
// (crates/search-wasm) side by side with MiniSearch, Fuse.js and FlexSearch, on the same data
// in the same browser session. A command that prints a table, not a test.
//
//   node run.mjs [--stackfaq DIR] [--pkg DIR] [--keystroke-budget-s N]
//
// Sets as in crates/bench (the native benchmark): stackfaq (../shared/evalsets/stackfaq, read
// from there, never copied; question + answer), demo-de / demo-en (crates/backend/data/faq.*.json,
// answers stripped of HTML, question + tags + answer; tests/relevance/queries.*.json). Entries
// are sorted by id, so every engine that breaks ties by insertion order breaks them by id.
// Metrics as in crates/bench/src/metrics.rs and the StackFAQ README.
import { chromium } from "playwright-core";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serveIsolated, launchChromium } from "../lib/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const LIMIT = 10;

const args = process.argv.slice(2);
function opt(name, dflt) {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  if (i + 1 >= args.length) usage(`${name} needs a value`);
  return args[i + 1];
}
function usage(msg) {
  console.error(`${msg}\nusage: node run.mjs [--stackfaq DIR] [--pkg DIR] [--keystroke-budget-s N]`);
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  if (!["--stackfaq", "--pkg", "--keystroke-budget-s"].includes(args[i])) usage(`unknown argument ${args[i]}`);
}
const stackDir = resolve(opt("--stackfaq", join(ROOT, "../shared/evalsets/stackfaq")));
const pkgDir = resolve(opt("--pkg", join(ROOT, "target/bench-faq-browser/pkg")));
const keystrokeBudgetMs = Number(opt("--keystroke-budget-s", "60")) * 1000;
if (!existsSync(join(pkgDir, "schaufenster_search_wasm_bg.wasm"))) {
  console.error(`no wasm in ${pkgDir}; build it with ./x bench faq-browser`);
  process.exit(2);
}

// ---- data ------------------------------------------------------------------------------

const readJson = (p) => JSON.parse(readFileSync(p, "utf8"));

// A tag stripper that gives the same text as core::rich::plain_text (used by the native bench)
// for the tags the demo FAQ uses (a, ul, li, strong, em): block tags become a space.
function stripTags(html) {
  let text = "";
  let rest = html;
  for (;;) {
    const open = rest.indexOf("<");
    if (open < 0) break;
    text += rest.slice(0, open);
    const close = rest.indexOf(">", open);
    if (close < 0) {
      text += rest.slice(open);
      rest = "";
      break;
    }
    const tag = rest.slice(open + 1, close).replace(/^\/+/, "");
    const name = (tag.match(/^[A-Za-z0-9]*/)[0] || "").toLowerCase();
    if (["li", "ul", "ol", "p", "br", "div"].includes(name)) text += " ";
    rest = rest.slice(close + 1);
  }
  text += rest;
  const decoded = text
    .replaceAll("&nbsp;", " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
  return decoded.split(/\s+/).filter(Boolean).join(" ");
}

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function makeSet(name, lang, withTags, entries, queries) {
  entries.sort(byId);
  const known = new Set(entries.map((e) => e.id));
  for (const q of queries) {
    if (!q.relevant_ids.length) throw new Error(`${name}: query ${JSON.stringify(q.query)} has no relevant ids`);
    for (const id of q.relevant_ids) if (!known.has(id)) throw new Error(`${name}: query ${JSON.stringify(q.query)} names unknown id ${id}`);
  }
  return {
    name,
    lang,
    withTags,
    docs: entries.map((e, idx) => ({ idx, ...e })),
    queries: queries.map((q) => q.query),
    relevant: queries.map((q) => q.relevant_ids),
  };
}

const sets = [];
if (existsSync(join(stackDir, "faqs.json"))) {
  const entries = readJson(join(stackDir, "faqs.json")).map((e) => ({ id: e.id, question: e.question, answer: e.answer, lang: "en" }));
  sets.push(makeSet("stackfaq", "en", false, entries, readJson(join(stackDir, "queries.json"))));
} else {
  console.error(`note: no StackFAQ at ${stackDir} (pass --stackfaq DIR); skipping it`);
}
for (const lang of ["de", "en"]) {
  const entries = readJson(join(ROOT, `crates/backend/data/faq.${lang}.json`)).map((e) => ({
    id: e.id,
    question: e.question,
    answer: stripTags(e.answer),
    tags: e.tags || [],
    category: e.category,
    popularity: e.popularity || 0,
    lang,
  }));
  sets.push(makeSet(`demo-${lang}`, lang, true, entries, readJson(join(ROOT, `tests/relevance/queries.${lang}.json`))));
}

// ---- metrics (crates/bench/src/metrics.rs) ----------------------------------------------

const reciprocalRank = (ranked, rel, k) => {
  const i = ranked.slice(0, k).findIndex((id) => rel.includes(id));
  return i < 0 ? 0 : 1 / (i + 1);
};
const hit = (ranked, rel, k) => (ranked.slice(0, k).some((id) => rel.includes(id)) ? 1 : 0);
function ndcg(ranked, relList, k) {
  const rel = new Set(relList);
  const discount = (i) => 1 / Math.log2(i + 2);
  const seen = new Set();
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (rel.has(id) && !seen.has(id)) {
      seen.add(id);
      dcg += discount(i);
    }
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(rel.size, k); i++) ideal += discount(i);
  return ideal === 0 ? 0 : dcg / ideal;
}
function percentile(samples, p) {
  if (!samples.length) return 0;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

// ---- server (loopback only) -------------------------------------------------------------

const { server, base } = await serveIsolated([
  ["/pkg/", pkgDir],
  ["/node_modules/", join(HERE, "node_modules")],
  ["/", HERE],
]);

// ---- run --------------------------------------------------------------------------------

const browser = await launchChromium(chromium);
const rows = [];
let isolated = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.benchReady && document.getElementById("status").textContent === "ready", null, { timeout: 30_000 }).catch(() => {
    throw new Error(`the bench page did not load: ${errors.join("; ") || "timeout"}`);
  });
  for (const set of sets) {
    const engines = ["schaufenster", "minisearch", "fuse", "flexsearch"];
    if (set.lang === "de") engines.push("fuse-diacritics", "flexsearch-de");
    const payload = { name: set.name, lang: set.lang, withTags: set.withTags, docs: set.docs, queries: set.queries, keystrokeBudgetMs };
    for (const engine of engines) {
      process.stderr.write(`running ${set.name} × ${engine} (${set.docs.length} entries, ${set.queries.length} queries)… `);
      const t0 = Date.now();
      const r = await page.evaluate(([s, e]) => window.benchEngine(s, e), [payload, engine]);
      process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      isolated = r.isolated;
      let mrr = 0, r1 = 0, r5 = 0, nd = 0;
      r.ranked.forEach((idxs, qi) => {
        const ids = idxs.slice(0, LIMIT).map((i) => set.docs[i].id);
        const rel = set.relevant[qi];
        mrr += reciprocalRank(ids, rel, 10);
        r1 += hit(ids, rel, 1);
        r5 += hit(ids, rel, 5);
        nd += ndcg(ids, rel, 10);
      });
      const n = Math.max(1, set.queries.length);
      rows.push({
        set: set.name, engine, entries: set.docs.length, queries: set.queries.length,
        mrr: mrr / n, r1: r1 / n, r5: r5 / n, nd: nd / n,
        q50: percentile(r.queryUs, 50), q95: percentile(r.queryUs, 95),
        keystrokes: r.keystrokeUs.length, keystrokeQueries: r.keystrokeQueries,
        k50: percentile(r.keystrokeUs, 50), k95: percentile(r.keystrokeUs, 95),
        build: percentile(r.builds, 50),
      });
    }
  }
  if (errors.length) console.error(`page errors:\n${errors.join("\n")}`);
} finally {
  await browser.close();
  server.close();
}

// ---- table ------------------------------------------------------------------------------

const LABEL = {
  schaufenster: "schaufenster (wasm)",
  minisearch: "MiniSearch",
  fuse: "Fuse.js",
  "fuse-diacritics": "Fuse.js, ignoreDiacritics",
  flexsearch: "FlexSearch",
  "flexsearch-de": "FlexSearch, German preset",
};
const version = (p) => readJson(join(HERE, "node_modules", p, "package.json")).version;
const f3 = (x) => x.toFixed(3);
const f1 = (x) => x.toFixed(1);
console.log(
  `FAQ search in headless Chromium ${browser.version()} (top ${LIMIT}; performance.now() ${isolated ? "cross-origin isolated, 5 µs resolution" : "NOT isolated, 100 µs resolution"}); ` +
    `schaufenster wasm, MiniSearch ${version("minisearch")}, Fuse.js ${version("fuse.js")}, FlexSearch ${version("flexsearch")}`,
);
console.log();
console.log("| set | engine | MRR@10 | recall@1 | recall@5 | nDCG@10 | query p50 µs | query p95 µs | keystrokes | keystroke p50 µs | keystroke p95 µs | build ms |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const ks = r.keystrokeQueries < r.queries ? `${r.keystrokes} (${r.keystrokeQueries} q)` : `${r.keystrokes}`;
  console.log(
    `| ${r.set} | ${LABEL[r.engine]} | ${f3(r.mrr)} | ${f3(r.r1)} | ${f3(r.r5)} | ${f3(r.nd)} | ${f1(r.q50)} | ${f1(r.q95)} | ${ks} | ${f1(r.k50)} | ${f1(r.k95)} | ${r.build.toFixed(2)} |`,
  );
}
console.log();
for (const s of sets) console.log(`- ${s.name}: ${s.docs.length} entries, ${s.queries.length} queries; indexed question + ${s.withTags ? "tags + answer (HTML stripped), popularity (schaufenster only)" : "answer"}.`);
console.log("- recall@k is the hit rate; nDCG@10 binary gains, ideal DCG over min(|relevant|, 10); build: median of 5 (schaufenster's includes parsing the entries JSON in wasm).");
console.log(`- keystrokes: every prefix of every query searched as typed; "(N q)" = the ${keystrokeBudgetMs / 1000} s keystroke budget per engine and set stopped after the first N queries.`);
