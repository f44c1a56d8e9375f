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
