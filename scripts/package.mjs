// Completes the wasm-pack output into the npm package `schaufenster`: adds the script-tag
// loader, the space-reserving stylesheet and the JSON Schema, and lists them in package.json.
// Usage: node scripts/package.mjs target/pkg
import { copyFileSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { shortenNames } from "./short-names.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = process.argv[2];
if (!pkg || !existsSync(join(pkg, "package.json"))) {
  console.error("usage: node scripts/package.mjs <wasm-pack out dir>");
  process.exit(2);
}
const extra = [
  ["crates/wasm/js/embed.js", "embed.js"],
  ["crates/wasm/js/schaufenster.css", "schaufenster.css"],
  ["schema/schaufenster.schema.json", "schaufenster.schema.json"],
];
for (const [from, to] of extra) copyFileSync(join(root, from), join(pkg, to));

const dts = join(pkg, "schaufenster.d.ts");
const types = readFileSync(dts, "utf8");
// The config's types, generated from the JSON Schema (schema/schaufenster.d.ts, drift-tested):
// `configure(config: SchaufensterConfig)` refers to them.
const configTypes = readFileSync(join(root, "schema/schaufenster.d.ts"), "utf8").replace(/^\/\/.*\n/gm, "");
// `on(name, handler)`: typed event subscription, plain JS appended to the glue.
const onTypes = readFileSync(join(root, "crates/wasm/js/on.d.ts"), "utf8");
writeFileSync(dts, types + "\n" + configTypes + onTypes);
writeFileSync(join(pkg, "schaufenster.js"), readFileSync(join(pkg, "schaufenster.js"), "utf8") + readFileSync(join(root, "crates/wasm/js/on.js"), "utf8"));

// Short internal names between the wasm and its glue (see short-names.mjs): ~3.5 KB gzip.
{
  const files = ["schaufenster.js", "schaufenster.d.ts", "schaufenster_bg.wasm.d.ts"].map((f) => join(pkg, f)).filter((f) => existsSync(f));
  const wasmFile = join(pkg, "schaufenster_bg.wasm");
  const { wasm, texts } = shortenNames(readFileSync(wasmFile), files.map((f) => readFileSync(f, "utf8")));
  writeFileSync(wasmFile, wasm);
  files.forEach((f, i) => writeFileSync(f, texts[i]));
}

// Minify the JS (wasm-bindgen's glue, the snippets, the loader): the same code in a third of
// the bytes. terser comes from the tools folder ./x sets up (SF_TOOLS_NODE).
const toolsNode = process.env.SF_TOOLS_NODE;
if (!toolsNode) {
  console.error("package.mjs: SF_TOOLS_NODE is not set (run it through ./x build)");
  process.exit(2);
}
const { minify } = createRequire(join(toolsNode, "package.json"))("terser");
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
for (const file of walk(pkg).filter((f) => f.endsWith(".js"))) {
  const code = readFileSync(file, "utf8");
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(file, out.code);
}

const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
manifest.files = Array.from(new Set([...(manifest.files || []), ...extra.map(([, to]) => to), "snippets"]));
manifest.exports = {
  ".": { types: "./schaufenster.d.ts", default: "./schaufenster.js" },
  "./embed": "./embed.js",
  "./embed.js": "./embed.js",
  "./schaufenster.css": "./schaufenster.css",
  "./schaufenster_bg.wasm": "./schaufenster_bg.wasm",
  "./schaufenster.schema.json": "./schaufenster.schema.json",
  "./package.json": "./package.json",
};
manifest.keywords = ["storefront", "widgets", "webassembly", "free-shipping", "custom-elements"];
manifest.sideEffects = ["./embed.js", "./snippets/*"];
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`package ready: ${pkg} (${manifest.name}@${manifest.version})`);
