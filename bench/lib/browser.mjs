// Shared by the browser benchmarks (bench/*-browser/run.mjs): a loopback static server with
// cross-origin isolation, and the system Chromium launched with the e2e tests' flags.

import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { resolve, extname, sep } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/** Serves `mounts` ([url prefix, directory], first match wins) on 127.0.0.1 at a free port;
 *  resolves to { server, base }. Paths outside a mount's directory are 404. */
export async function serveIsolated(mounts) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const url = path === "/" ? "/index.html" : path;
    for (const [prefix, dir] of mounts) {
      if (!url.startsWith(prefix)) continue;
      const file = resolve(dir, "." + url.slice(prefix.length - 1));
      if ((file === dir || file.startsWith(dir + sep)) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] || "application/octet-stream",
          // Cross-origin isolation: performance.now() gets 5 µs resolution instead of 100 µs.
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-embedder-policy": "require-corp",
          "cache-control": "no-store",
        });
        res.end(readFileSync(file));
        return;
      }
      break;
    }
    res.writeHead(404).end();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** The system Chromium (CHROMIUM_PATH or /usr/bin/chromium) with tests/e2e/playwright.config.ts's flags. */
export function launchChromium(chromium) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
