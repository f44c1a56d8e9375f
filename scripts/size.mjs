// Prints the transfer size of the package: wasm, JS and CSS, raw and gzip -9.
// Usage: node scripts/size.mjs target/pkg [--budget-kb N]   (exit 1 when over the budget)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, constants } from "node:zlib";

const dir = process.argv[2];
const budgetArg = process.argv.indexOf("--budget-kb");
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : null;

function walk(d) {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const kinds = { ".wasm": "wasm", ".js": "JS", ".css": "CSS" };
const rows = walk(dir)
  .filter((p) => kinds[extname(p)] && !p.endsWith(".d.ts"))
  .map((p) => {
    const buf = readFileSync(p);
    return { file: relative(dir, p), kind: kinds[extname(p)], raw: buf.length, gz: gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length };
  })
  .sort((a, b) => b.gz - a.gz);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(52)} ${"kind".padEnd(5)} ${"raw KB".padStart(8)} ${"gzip-9 KB".padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(52)} ${r.kind.padEnd(5)} ${kb(r.raw)} ${kb(r.gz)} `);
const total = { raw: 0, gz: 0 };
for (const kind of ["wasm", "JS", "CSS"]) {
  const sel = rows.filter((r) => r.kind === kind);
  const raw = sel.reduce((s, r) => s + r.raw, 0), gz = sel.reduce((s, r) => s + r.gz, 0);
  total.raw += raw; total.gz += gz;
  console.log(`${("total " + kind).padEnd(52)} ${"".padEnd(5)} ${kb(raw)} ${kb(gz)} `);
}
console.log(`${"TOTAL (wasm + JS + CSS)".padEnd(52)} ${"".padEnd(5)} ${kb(total.raw)} ${kb(total.gz)} `);
// Note: each file is compressed on its own (as served); the widget CSS ships inside the wasm.
if (budgetKb !== null) {
  const used = total.gz / 1024;
  if (used > budgetKb) {
    console.error(`size budget exceeded: ${used.toFixed(1)} KB gzip -9 > ${budgetKb} KB`);
    process.exit(1);
  }
  console.log(`within budget: ${used.toFixed(1)} KB gzip -9 <= ${budgetKb} KB`);
}
