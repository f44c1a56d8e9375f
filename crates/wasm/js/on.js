
// Appended to schaufenster.js by scripts/package.mjs (plain JS: no wasm bytes for it).
/** Calls `handler(detail, event)` for every `name` event (e.g. "sf:ready") reaching `target`
 *  (default: document, where every sf:* event arrives since they bubble and are composed);
 *  returns the function that stops listening. */
export function on(name, handler, target = document) {
  const listener = (event) => handler(event.detail, event);
  target.addEventListener(name, listener);
  return () => target.removeEventListener(name, listener);
}
