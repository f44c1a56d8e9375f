// Completes the wasm-pack output into the npm package `schaufenster`: adds the script-tag
// loader, the space-reserving stylesheet and the JSON Schema, and lists them in package.json.
// Usage: node scripts/package.mjs target/pkg
import { copyFileSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

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

// leptos pulls in server_fn → wasm-streams, whose #[wasm_bindgen] stream adapters
// (IntoUnderlying*) end up exported from every leptos wasm. They are not part of our API and
// their `[Symbol.dispose]` members force consumers onto lib "esnext"; keep them out of the types.
const dts = join(pkg, "schaufenster.d.ts");
const types = readFileSync(dts, "utf8")
  .replace(/\/\*\*\n \* The `ReadableStreamType` enum\.[\s\S]*?export type ReadableStreamType = "bytes";\n/, "")
  .replace(/export class IntoUnderlying\w+ \{[\s\S]*?\n\}\n\n?/g, "");
if (/IntoUnderlying|ReadableStreamType/.test(types)) {
  console.error("package.mjs: could not strip the wasm-streams adapters from schaufenster.d.ts");
  process.exit(1);
}
writeFileSync(dts, types);

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
