// Script-tag entry of Schaufenster:
//   <link rel="stylesheet" href="/pkg/schaufenster.css">
//   <script type="module" src="/pkg/embed.js" data-config="/schaufenster.json"></script>
// Loads the wasm, reads the config (data-config URL or an inline
// <script type="application/json" id="schaufenster-config">) and defines the <sf-…> elements.
// Everything of the JS API is re-exported, so `import { setCart } from "/pkg/embed.js"` works.
import init, { boot } from "./schaufenster.js";

export * from "./schaufenster.js";

/** Resolves to the number of config errors once the widgets are defined. */
export const ready = init().then(() => boot());
