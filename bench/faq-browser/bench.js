// The benchmark page: every engine runs here, in one Chromium session, on data the runner
// (run.mjs) passes in. window.benchEngine(set, engineName) builds that engine's index for the
// set, runs the relevance pass and the timed passes, and returns top-10 ids and raw timings;
// the runner computes the metrics (same definitions as crates/bench/src/metrics.rs).
import MiniSearch from "minisearch";
import Fuse from "fuse.js";
import { Document, Encoder, Charset } from "flexsearch";
import GermanPreset from "flexsearch/lang/de";
import init, * as sf from "schaufenster-search";

const LIMIT = 10;
const BUILDS = 5;

// Each engine: build(set) -> handle; search(handle, query) -> entry indices, best first
// (at most LIMIT). Entries arrive sorted by id, so "by index" is "by id".
const ENGINES = {
  schaufenster: {
    build(set) {
      sf.build(set.entriesJson, set.lang);
      return null;
    },
    search(_h, q) {
      return sf.search(q, LIMIT);
    },
  },
  minisearch: {
    build(set) {
      const fields = set.withTags ? ["question", "tags", "answer"] : ["question", "answer"];
      const ms = new MiniSearch({
        idField: "idx",
        fields,
        extractField: (doc, name) => (name === "tags" ? (doc.tags || []).join(" ") : doc[name]),
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { question: 3, tags: 2 } },
      });
      ms.addAll(set.docs);
      return ms;
    },
    search(ms, q) {
      const hits = ms.search(q);
      // Ties by index (= id); MiniSearch's own sort leaves them in match order.
      hits.sort((a, b) => b.score - a.score || a.id - b.id);
      const out = [];
      for (let i = 0; i < hits.length && i < LIMIT; i++) out.push(hits[i].id);
      return out;
    },
  },
  fuse: fuseEngine(false),
  "fuse-diacritics": fuseEngine(true),
  flexsearch: flexEngine(null),
  "flexsearch-de": flexEngine(GermanPreset),
};

function fuseEngine(ignoreDiacritics) {
  return {
    build(set) {
      const keys = [{ name: "question", weight: 3 }, { name: "answer", weight: 1 }];
      if (set.withTags) keys.splice(1, 0, { name: "tags", weight: 2 });
      return new Fuse(set.docs, { keys, ignoreLocation: true, ignoreDiacritics });
    },
    search(fuse, q) {
      // Fuse sorts by score, ties by index.
      return fuse.search(q, { limit: LIMIT }).map((r) => r.refIndex);
    },
  };
}

function flexEngine(preset) {
  return {
    build(set) {
      const fields = set.withTags ? ["question", "tags", "answer"] : ["question", "answer"];
      const encoder = preset ? new Encoder(Charset.Default, preset) : undefined;
      const doc = new Document({
        tokenize: "forward",
        ...(encoder ? { encoder } : {}),
        document: {
          id: "idx",
          index: fields.map((field) => (encoder ? { field, tokenize: "forward", encoder } : { field, tokenize: "forward" })),
        },
      });
      for (const d of set.docs) doc.add(set.withTags ? { ...d, tags: (d.tags || []).join(" ") } : d);
      return doc;
    },
    search(doc, q) {
      // merge: one list of ids, fields in index order (question, tags, answer);
      // suggest: also return partial matches instead of nothing when not every word matches.
      const res = doc.search(q, { limit: LIMIT, suggest: true, merge: true });
      const out = [];
      for (let i = 0; i < res.length && out.length < LIMIT; i++) out.push(res[i].id);
      return out;
    },
  };
}

function prefixes(q) {
  const chars = Array.from(q);
  const out = [];
  let s = "";
  for (const c of chars) {
    s += c;
    out.push(s);
  }
  return out;
}

let wasmReady = null;

// set: {name, lang, withTags, docs: [{idx, id, question, answer, tags?, popularity?, lang}],
//       queries: [string], keystrokeBudgetMs}
window.benchEngine = async (set, engineName) => {
  await (wasmReady ||= init());
  const engine = ENGINES[engineName];
  if (!engine) throw new Error(`unknown engine ${engineName}`);
  if (!set.entriesJson) set.entriesJson = JSON.stringify(set.docs);

  const builds = [];
  let handle = null;
  for (let i = 0; i < BUILDS; i++) {
    const t = performance.now();
    handle = engine.build(set);
    builds.push(performance.now() - t);
  }

  // Relevance pass (also warms up the JIT and caches).
  const ranked = set.queries.map((q) => Array.from(engine.search(handle, q)));

  // Timed pass: every query once, then every prefix of it, one per keystroke.
  const queryUs = [];
  const keystrokeUs = [];
  let keystrokeQueries = 0;
  const started = performance.now();
  let sink = 0;
  for (const q of set.queries) {
    let t = performance.now();
    sink += engine.search(handle, q).length;
    queryUs.push((performance.now() - t) * 1000);
    if (performance.now() - started > set.keystrokeBudgetMs) continue;
    keystrokeQueries++;
    for (const p of prefixes(q)) {
      t = performance.now();
      sink += engine.search(handle, p).length;
      keystrokeUs.push((performance.now() - t) * 1000);
    }
  }
  return { ranked, builds, queryUs, keystrokeUs, keystrokeQueries, sink, isolated: crossOriginIsolated };
};

window.benchReady = init().then(() => {
  wasmReady = Promise.resolve();
  document.getElementById("status").textContent = "ready";
  return true;
});
