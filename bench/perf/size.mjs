// Size part of `./x bench perf`: transfer size of the package (raw, gzip -9, brotli 11), the size
// of each widget (package variants built with that widget left out) and of the largest
// dependencies (twiggy on the wasm-bindgen output with names, before wasm-opt).

import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { spawnSync } from "node:child_process";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const KINDS = { ".wasm": "wasm", ".js": "JS", ".css": "CSS" };

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every wasm, JS and CSS file of a package as served (each file compressed on its own, as
 *  scripts/size.mjs does), largest gzip first, and the totals per kind and overall. */
export function packageSizes(dir) {
  const files = walk(dir)
    .filter((p) => KINDS[extname(p)] && !p.endsWith(".d.ts"))
    .map((p) => {
      const buf = readFileSync(p);
      return {
        file: relative(dir, p),
        kind: KINDS[extname(p)],
        raw: buf.length,
        gzip: gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length,
        brotli: brotliCompressSync(buf, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_MODE]: extname(p) === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
          },
        }).length,
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (rows) => ({ raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0), brotli: rows.reduce((s, r) => s + r.brotli, 0) });
  const totals = {};
  for (const kind of ["wasm", "JS", "CSS"]) totals[kind] = sum(files.filter((f) => f.kind === kind));
  totals.all = sum(files);
  return { files, totals };
}

/**
 * Attribution by variants: `variantsDir/<name>/{pkg,variant.json}` as `./x bench perf` builds
 * them (one widget left out each, and `runtime-only` without any). A widget's size is the full
 * package minus the package without it; what two or more widgets share (leptos for the bar and
 * the badges) appears in no single widget's figure, so it is reported as the rest.
 */
export function variantSizes(variantsDir, full) {
  if (!variantsDir || !existsSync(variantsDir)) return null;
  const variants = readdirSync(variantsDir)
    .filter((n) => existsSync(join(variantsDir, n, "variant.json")))
    .map((n) => {
      const meta = JSON.parse(readFileSync(join(variantsDir, n, "variant.json"), "utf8"));
      const { totals } = packageSizes(join(variantsDir, n, "pkg"));
      return { ...meta, totals };
    });
  if (!variants.length) return null;
  const delta = (v) => ({
    wasm_raw: full.wasm.raw - v.totals.wasm.raw,
    wasm_gzip: full.wasm.gzip - v.totals.wasm.gzip,
    gzip: full.all.gzip - v.totals.all.gzip,
    brotli: full.all.brotli - v.totals.all.brotli,
  });
  const widgets = variants.filter((v) => v.name.startsWith("without-")).map((v) => ({ widget: v.left_out, variant: v.name, ...delta(v) }));
  const runtime = variants.find((v) => v.name === "runtime-only");
  let shared = null;
  if (runtime) {
    const all = delta(runtime);
    shared = Object.fromEntries(Object.keys(all).map((k) => [k, all[k] - widgets.reduce((s, w) => s + w[k], 0)]));
  }
  return {
    variants: variants.map((v) => ({ name: v.name, left_out: v.left_out, features: v.features, totals: v.totals })),
    widgets,
    runtime: runtime ? { wasm_raw: runtime.totals.wasm.raw, wasm_gzip: runtime.totals.wasm.gzip, gzip: runtime.totals.all.gzip, brotli: runtime.totals.all.brotli } : null,
    shared_by_widgets: shared,
  };
}

// ---- twiggy --------------------------------------------------------------------------------

/** Crates pulled in by leptos (and not used by our crates directly), reported as one group. */
const LEPTOS = new Set([
  "leptos", "leptos_dom", "leptos_macro", "leptos_server", "reactive_graph", "tachys", "any_spawner",
  "throw_error", "or_poisoned", "send_wrapper", "slotmap", "guardian", "oco_ref", "server_fn", "wasm_streams",
  "hydration_context", "reactive_stores", "either_of", "futures_util", "futures_core", "futures_channel",
  "futures_executor", "futures_sink", "futures_io", "pin_project", "pin_project_lite", "indexmap", "drain_filter_polyfill",
  "html_escape", "const_str_slice_concat", "next_tuple", "erased", "async_lock", "event_listener", "rustc_hash_leptos",
]);
const STD = new Set(["core", "alloc", "std", "compiler_builtins", "dlmalloc", "hashbrown", "__rustc", "panic_abort", "rustc_demangle"]);
const PRIMITIVES = new Set(["str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "char", "bool"]);
const BINDGEN = new Set(["wasm_bindgen", "js_sys", "web_sys", "wasm_bindgen_futures", "Closure"]);

/** The path a function belongs to: `<T as Trait>::f` and `<T>::f` belong to T,
 *  `core::ptr::drop_in_place::<T>` (drop glue) to T as well. Crate hashes are removed. */
function subjectPath(name) {
  let s = name.replace(/\[[0-9a-f]{16}\]/g, "");
  for (let k = 0; k < 8; k++) {
    s = s.replace(/^(&mut |&|\*const |\*mut |dyn |\[|\()+/, "");
    const glue = s.match(/^core::ptr::drop_in_place::<(.*)>$/);
    if (glue) {
      s = glue[1];
      continue;
    }
    if (!s.startsWith("<")) break;
    let depth = 0;
    let i = 1;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === "<") depth++;
      else if (c === ">") {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && s.startsWith(" as ", i)) break;
    }
    s = s.slice(1, i);
  }
  return s;
}

/** Where a twiggy item goes: [group, crate or module]. */
function classify(name) {
  if (/^"function names" subsection|^custom section|^name section|"names" subsection/.test(name)) return null; // names, dropped by wasm-opt
  if (name.startsWith("data segment")) return ["data (static strings, tables)", "data segments"];
  if (name.startsWith("import ")) return ["wasm-bindgen, js-sys, web-sys", "imports (JS shims)"];
  if (/^(export |type\[|elem\[|table\[|global\[|memory\[|func\[|code\[|start|custom)/.test(name) || /^(type|elem|table|global|memory|export)\b/.test(name)) return ["module structure (types, tables, exports)", "module structure"];
  if (/ shim( |$)/.test(name) || /^(Closure|Ref|RefMut|F64|F32|I32|U32|I64|U64|Boolean|Externref|String|Vector|Option)\b.* -> /.test(name)) return ["wasm-bindgen, js-sys, web-sys", "wasm_bindgen"];
  if (/^__wbg_intounderlying/.test(name)) return ["leptos (+ reactive_graph, tachys, any_spawner, …)", "wasm_streams"];
  const path = subjectPath(name);
  const crate = (path.match(/^[A-Za-z_][A-Za-z0-9_]*/) || ["?"])[0];
  if (crate.startsWith("schaufenster")) {
    const parts = path.split("::");
    const module = parts.length > 2 && /^[a-z_][a-z0-9_]*$/.test(parts[1]) ? `${crate}::${parts[1]}` : `${crate} (crate root)`;
    const group = crate === "schaufenster_config" ? "config decoder (schaufenster_config)" : crate === "schaufenster_core" && parts[1] === "search" ? "FAQ search engine (schaufenster_core::search)" : crate === "schaufenster_core" ? "rules (schaufenster_core, rest)" : crate === "schaufenster_widgets" ? "widgets and runtime (schaufenster_widgets)" : "JS API (schaufenster)";
    return [group, module];
  }
  if (LEPTOS.has(crate) || /^intounderlying/.test(crate)) return ["leptos (+ reactive_graph, tachys, any_spawner, …)", LEPTOS.has(crate) ? crate : "wasm_streams"];
  if (STD.has(crate) || PRIMITIVES.has(crate)) return ["std, core, alloc, dlmalloc, hashbrown", PRIMITIVES.has(crate) ? "core" : crate];
  if (BINDGEN.has(crate) || crate.startsWith("__wbindgen") || crate.startsWith("__wbg") || crate.startsWith("__externref")) return ["wasm-bindgen, js-sys, web-sys", BINDGEN.has(crate) ? crate : "wasm_bindgen"];
  if (/^[a-z][A-Za-z]*$/.test(crate) && !path.includes("::")) return ["JS API (schaufenster)", "schaufenster (exported shims)"];
  return ["other crates", crate];
}

/** Runs twiggy on `wasm` (the wasm-bindgen output with names); shallow bytes per group and per
 *  crate (or module of our crates). Returns null when twiggy or the file is missing. */
export function twiggyBreakdown(wasm) {
  if (!wasm || !existsSync(wasm)) return null;
  const run = spawnSync("twiggy", ["top", "-n", "1000000", "--format", "json", wasm], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) return { error: (run.stderr || String(run.error)).trim() };
  const items = JSON.parse(run.stdout);
  const groups = new Map();
  const crates = new Map();
  let names = 0;
  let code = 0;
  for (const it of items) {
    const c = classify(it.name);
    if (!c) {
      names += it.shallow_size;
      continue;
    }
    code += it.shallow_size;
    groups.set(c[0], (groups.get(c[0]) || 0) + it.shallow_size);
    const key = `${c[1]}\u0000${c[0]}`;
    crates.set(key, (crates.get(key) || 0) + it.shallow_size);
  }
  const largest = [...items].filter((it) => classify(it.name)).sort((a, b) => b.shallow_size - a.shallow_size).slice(0, 10);
  return {
    file: wasm,
    bytes: statSync(wasm).size,
    names_bytes: names,
    code_and_data_bytes: code,
    groups: [...groups].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes),
    crates: [...crates].map(([k, bytes]) => ({ crate: k.split("\u0000")[0], group: k.split("\u0000")[1], bytes })).sort((a, b) => b.bytes - a.bytes),
    largest_functions: largest.map((it) => ({ name: it.name.replace(/\[[0-9a-f]{16}\]/g, ""), bytes: it.shallow_size })),
  };
}
