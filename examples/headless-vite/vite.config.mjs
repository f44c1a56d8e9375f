import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

// Built into the demo shop's www/headless/ (not committed) so the reference backend serves the
// app and its /api on one origin, as a shop's own frontend would be served.
export default defineConfig({
  base: "/headless/",
  build: {
    outDir: fileURLToPath(new URL("../../www/headless", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
  },
});
