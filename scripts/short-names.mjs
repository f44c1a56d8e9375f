// Shortens the names the wasm module and its JS glue use to talk to each other.
//
// wasm-bindgen names every import after the function plus a 16-digit hash
// (`__wbg_setAttribute_2f3a…`) and every closure adapter after its full Rust path
// (`wasm_bindgen_…___convert__closures_____invoke___…`). Those names are written twice, in the
// wasm's import/export sections and in the glue, and the hashes do not compress: about 3.5 KB
// gzip of the package. They are internal (nothing outside the glue calls them), so they are
// renamed to `$0`, `$1`, … in both places. Only names of that shape are touched; the public
// exports (`boot`, `mount`, …) keep theirs.

const INTERNAL = /^(__wbg_|__wbindgen_|wasm_bindgen_)\w+$/;

function readU32(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [result >>> 0, pos];
}

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const name = (s) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s)]);

/** Reads a name at `pos`; returns [text, position after it]. */
function readName(buf, pos) {
  const [len, p] = readU32(buf, pos);
  return [buf.subarray(p, p + len).toString("utf8"), p + len];
}

/**
 * Renames the internal imports and exports of `wasm` (a Buffer) and the same identifiers in
 * every text of `texts`. Returns the new wasm, the new texts and the number of names renamed.
 */
export function shortenNames(wasm, texts) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const map = new Map();
  const short = (n) => {
    if (!INTERNAL.test(n)) return n;
    if (!map.has(n)) map.set(n, `$${map.size.toString(36)}`);
    return map.get(n);
  };
  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = readU32(wasm, pos + 1);
    const end = start + size;
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    const [count, first] = readU32(wasm, start);
    const body = [u32(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        // import: module name, field name, then the import description as it is.
        const [module, afterModule] = readName(wasm, p);
        const [field, afterField] = readName(wasm, afterModule);
        const descStart = afterField;
        const kind = wasm[descStart];
        let q = descStart + 1;
        if (kind === 0) [, q] = readU32(wasm, q); // function: type index
        else if (kind === 1) { q += 1; const flags = wasm[q]; [, q] = readU32(wasm, q + 1); if (flags & 1) [, q] = readU32(wasm, q); } // table
        else if (kind === 2) { const flags = wasm[q]; [, q] = readU32(wasm, q + 1); if (flags & 1) [, q] = readU32(wasm, q); } // memory
        else if (kind === 3) q += 2; // global: value type, mutability
        else throw new Error(`unknown import kind ${kind}`);
        body.push(name(module), name(short(field)), wasm.subarray(descStart, q));
        p = q;
      } else {
        const [field, afterField] = readName(wasm, p);
        const [, q] = readU32(wasm, afterField + 1); // kind byte, index
        body.push(name(short(field)), wasm.subarray(afterField, q));
        p = q;
      }
    }
    if (p !== end) throw new Error(`section ${id}: read ${p - start} of ${size} bytes`);
    const content = Buffer.concat(body);
    parts.push(Buffer.from([id]), u32(content.length), content);
    pos = end;
  }
  const rename = (text) => text.replace(/\b(?:__wbg_|__wbindgen_|wasm_bindgen_)\w+/g, (m) => map.get(m) ?? m);
  return { wasm: Buffer.concat(parts), texts: texts.map(rename), renamed: map.size };
}
