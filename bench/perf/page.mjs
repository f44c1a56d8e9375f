// Browser part of `./x bench perf`: what runs inside the demo pages (an init script, before the
// page's own scripts, in every document) and the measurements driven from Node through
// Playwright. Nothing here changes the shipped code; the wasm is observed by wrapping
// `WebAssembly.instantiateStreaming`/`instantiate` in the init script.

/** Init script: records sf:* events, layout shifts, long tasks, slow events (Event Timing),
 *  the wasm's resource timing and instantiation, and keeps the wasm instance (for its memory). */
export function instrument() {
  const perf = {
    ready: [],
    errors: [],
    longtasks: [],
    shifts: [],
    slowEvents: [],
    wasm: null,
    instance: null,
  };
  window.__perf = perf;
  performance.setResourceTimingBufferSize(10000);
  const settled = new WeakSet();
  for (const type of ["sf:ready", "sf:error"]) {
    window.addEventListener(
      type,
      (e) => {
        const t = performance.now();
        const el = e.target;
        const tag = el && el.localName ? el.localName : "document";
        (type === "sf:ready" ? perf.ready : perf.errors).push({ t, tag, detail: e.detail ? JSON.stringify(e.detail) : null });
        if (el && el.localName) settled.add(el);
      },
      true,
    );
  }
  const observe = (type, cb, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(cb)).observe({ type, buffered: true, ...extra });
    } catch {
      // entry type not supported by this browser
    }
  };
  observe("longtask", (e) => perf.longtasks.push({ start: e.startTime, duration: e.duration }));
  // What moved: "TAG.class", and "(in <sf-…>)" when the node belongs to a widget's tree.
  const widgetOf = (node) => {
    for (let n = node; n; n = n.parentNode || n.host || null) if (n.localName && n.localName.startsWith("sf-")) return n;
    return null;
  };
  const describe = (node) => {
    if (!node) return "?";
    const widget = widgetOf(node);
    const cls = typeof node.className === "string" && node.className ? "." + node.className.trim().split(/\s+/).join(".") : "";
    return node.nodeName + cls + (widget ? ` (in <${widget.localName}>)` : "");
  };
  observe("layout-shift", (e) => {
    if (!e.hadRecentInput) perf.shifts.push({ t: e.startTime, value: e.value, sources: (e.sources || []).map((x) => describe(x.node)) });
  });
  // Event Timing: durations run from the input's timestamp to the next paint, rounded to 8 ms;
  // 16 is the smallest threshold the API takes.
  observe(
    "event",
    (e) => perf.slowEvents.push({ name: e.name, interaction: e.interactionId || 0, start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart }),
    { durationThreshold: 16 },
  );

  // The wasm: a mark before and after instantiation, and the instance (exports.memory).
  const W = WebAssembly;
  const keep = (via, start, result) => {
    performance.mark("sf-bench:wasm-instantiated");
    performance.measure("sf-bench:wasm-instantiate", "sf-bench:wasm-instantiate-start", "sf-bench:wasm-instantiated");
    const instance = result && result.instance ? result.instance : result instanceof W.Instance ? result : null;
    if (instance && instance.exports && instance.exports.memory) {
      perf.instance = instance;
      perf.wasm = { via, start, end: performance.now() };
    }
    return result;
  };
  for (const via of ["instantiateStreaming", "instantiate"]) {
    const original = W[via];
    if (typeof original !== "function") continue;
    W[via] = function (...args) {
      const start = performance.now();
      performance.mark("sf-bench:wasm-instantiate-start");
      return original.apply(W, args).then((r) => keep(via, start, r));
    };
  }

  const widgets = () => Array.from(document.querySelectorAll("*")).filter((el) => el.localName.startsWith("sf-"));
  /** Every widget on the page has sent sf:ready or sf:error (or rendered nothing because it is
   *  not configured), the page itself is not busy any more (the grid, product and cart render
   *  their widgets after their own fetch), and the elements are defined (the wasm booted).
   *  Elements of widgets this build does not define are ignored once the others are defined. */
  perf.allReady = () => {
    const els = widgets();
    if (!els.length || document.querySelector('[aria-busy="true"]')) return false;
    const defined = els.filter((el) => customElements.get(el.localName));
    if (!defined.length) return false;
    return defined.every((el) => settled.has(el) || el.getAttribute("data-sf-state") === "off");
  };
  perf.summary = () => {
    const els = widgets().filter((el) => customElements.get(el.localName));
    const readyAt = Math.max(0, ...perf.ready.map((r) => r.t), ...perf.errors.map((r) => r.t));
    const wasmRes = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const tasks = perf.longtasks.filter((t) => t.start <= readyAt);
    const counts = {};
    for (const el of els) counts[el.localName] = (counts[el.localName] || 0) + 1;
    return {
      widgets: counts,
      ready_events: perf.ready.length,
      errors: perf.errors.map((e) => `${e.tag}: ${e.detail}`),
      ready_ms: readyAt,
      first_ready_ms: perf.ready.length ? Math.min(...perf.ready.map((r) => r.t)) : null,
      dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
      fcp_ms: fcp ? fcp.startTime : null,
      wasm_fetch_ms: wasmRes ? wasmRes.responseEnd - wasmRes.startTime : null,
      wasm_response_end_ms: wasmRes ? wasmRes.responseEnd : null,
      wasm_transfer_bytes: wasmRes ? wasmRes.transferSize : null,
      wasm_instantiate_start_ms: perf.wasm ? perf.wasm.start : null,
      wasm_instantiate_ms: perf.wasm ? perf.wasm.end - perf.wasm.start : null,
      wasm_after_last_byte_ms: perf.wasm && wasmRes ? perf.wasm.end - Math.max(perf.wasm.start, wasmRes.responseEnd) : null,
      wasm_via: perf.wasm ? perf.wasm.via : null,
      long_tasks: tasks.length,
      long_task_ms: tasks.reduce((s, t) => s + t.duration, 0),
      blocking_ms: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      cls: perf.shifts.reduce((s, x) => s + x.value, 0),
      shifts: perf.shifts.length,
      shift_sources: [...new Set(perf.shifts.flatMap((x) => x.sources))],
      shift_times_ms: perf.shifts.map((x) => x.t),
    };
  };
  /** Resolves after the next frame has been produced: a task posted from requestAnimationFrame
   *  runs once that frame's style, layout and paint are done. Gives that time and the frame's
   *  timestamp (the rAF argument, the same for every callback of one frame). */
  perf.afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame((frame) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve({ t: performance.now(), frame });
        ch.port2.postMessage(0);
      }),
    );
  /** The timestamp of the first frame that starts after now (rAF registered now). */
  perf.nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Two frames, so that pending layout-shift and long-task entries are delivered. */
export const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));

/**
 * Per-keystroke latency in <sf-faq>: from the keydown's timestamp (the browser's input time)
 * to the first task after the next paint that follows the `input` event (whose handler runs the
 * search and renders the results synchronously). Installed in the page; `pending` samples are
 * completed when the paint has happened.
 */
export function installKeystrokeProbe() {
  const host = document.querySelector("sf-faq");
  const root = host.shadowRoot || host;
  const input = root.querySelector("input");
  const probe = (window.__keys = { samples: [], pending: null, paused: false, waiters: [] });
  new MutationObserver(() => {
    if (probe.pending) probe.pending.changed = true;
  }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  window.addEventListener(
    "keydown",
    (e) => {
      if (probe.paused || e.composedPath()[0] !== input) return;
      const p = (probe.pending = { key: e.key, t0: e.timeStamp, changed: false });
      window.__perf.nextFrame().then((f) => (p.firstFrame = f));
    },
    true,
  );
  // Bubble phase on window: the widget's own listener on the input has run.
  window.addEventListener("input", () => {
    const p = probe.pending;
    if (!p || probe.paused) return;
    p.handled = performance.now();
    window.__perf.afterNextPaint().then(({ t, frame }) => {
      p.t1 = t;
      p.latency = t - p.t0;
      // Painted in the first frame after the key: nothing waited for a later frame.
      p.firstFrameHit = frame === p.firstFrame;
      probe.samples.push(p);
      probe.pending = null;
      probe.waiters.splice(0).forEach((w) => w());
    });
  });
  probe.wait = (n) => new Promise((resolve) => (probe.samples.length >= n ? resolve() : probe.waiters.push(resolve)));
  input.focus();
  return input.value;
}

/** One cart change with the bar on screen: PUT the line's quantity through the API, dispatch
 *  `sf:cart-changed` and wait for the bar's message to change and the next paint. */
export async function cartChangeOnce({ productId, quantity }) {
  const res = await fetch(`/api/cart/lines/${encodeURIComponent(productId)}?locale=de`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ quantity }),
  });
  if (!res.ok) throw new Error(`PUT cart line → ${res.status}`);
  const host = document.querySelector("sf-shipping-bar");
  const root = host.shadowRoot || host;
  const message = () => (root.querySelector("[part=message]") || {}).textContent;
  const before = message();
  return new Promise((resolve, reject) => {
    let t0 = 0;
    const timer = setTimeout(() => reject(new Error(`the bar's message did not change from "${before}"`)), 15000);
    const mo = new MutationObserver(() => {
      if (message() === before) return;
      mo.disconnect();
      const changed = performance.now();
      window.__perf.afterNextPaint().then(({ t: t1, frame }) => {
        clearTimeout(timer);
        const req = performance
          .getEntriesByType("resource")
          .filter((r) => r.startTime >= t0 && new URL(r.name).pathname === "/api/cart")
          .pop();
        resolve({ latency: t1 - t0, changed: changed - t0, fetch: req ? req.responseEnd - t0 : null, message: message(), firstFrameHit: frame === firstFrame });
      });
    });
    mo.observe(root, { subtree: true, childList: true, characterData: true });
    let firstFrame = null;
    window.__perf.nextFrame().then((f) => (firstFrame = f));
    t0 = performance.now();
    document.dispatchEvent(new CustomEvent("sf:cart-changed", { detail: { source: "bench" } }));
  });
}

/** Types `queries` into <sf-faq> programmatically (value + input event, one macrotask apart);
 *  returns the synchronous time of each input dispatch (search + render, no paint). */
export async function typeQueries(queries) {
  const host = document.querySelector("sf-faq");
  const root = host.shadowRoot || host;
  const input = root.querySelector("input");
  const ch = new MessageChannel();
  const yieldTask = () => new Promise((r) => { ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
  const times = [];
  for (const q of queries) {
    input.value = q;
    const t = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    times.push(performance.now() - t);
    await yieldTask();
  }
  return times;
}

/** Answers the advisor's current question (first option that still has matches; a range is
 *  left open) and clicks "Next"; on the results page it starts over first (not measured).
 *  Returns the synchronous work of the click (evaluate, option counts, render of the next
 *  step) and the time until the first task after the next paint. */
export async function advisorAnswerOnce() {
  const host = document.querySelector("sf-advisor");
  const root = host.shadowRoot || host;
  const restart = root.querySelector("[data-action=restart]");
  if (!root.querySelector("[data-action=next]") && restart) {
    restart.click();
    await new Promise((r) => setTimeout(r, 50));
  }
  const next = root.querySelector("[data-action=next]");
  if (!next) throw new Error("the advisor shows no question");
  const choice = [...root.querySelectorAll("input[type=radio], input[type=checkbox]")].find((i) => !i.closest("label")?.textContent.includes("kein passendes"));
  if (choice && !choice.checked) choice.click();
  const heading = () => (root.querySelector("h2") || {}).textContent;
  const before = heading();
  let firstFrame = null;
  window.__perf.nextFrame().then((f) => (firstFrame = f));
  const t0 = performance.now();
  next.click();
  const work = performance.now() - t0;
  if (heading() === before) throw new Error(`the advisor did not move on from "${before}"`);
  const { t: t1, frame } = await window.__perf.afterNextPaint();
  return { latency: t1 - t0, work, firstFrameHit: frame === firstFrame };
}

/** Opens the loyalty panel from its launcher (click) and closes it again (not measured);
 *  returns the click's synchronous work and the time until the first task after the paint
 *  that shows the dialog. */
export async function loyaltyOpenOnce() {
  const host = document.querySelector("sf-loyalty");
  const root = host.shadowRoot || host;
  const launcher = root.querySelector("[part=launcher]");
  const dialog = root.querySelector("dialog");
  if (!launcher || !dialog) throw new Error("no loyalty launcher on this page");
  let firstFrame = null;
  window.__perf.nextFrame().then((f) => (firstFrame = f));
  const t0 = performance.now();
  launcher.click();
  const work = performance.now() - t0;
  if (!dialog.open) throw new Error("the loyalty dialog did not open");
  const { t: t1, frame } = await window.__perf.afterNextPaint();
  dialog.close();
  await new Promise((r) => setTimeout(r, 30));
  return { latency: t1 - t0, work, firstFrameHit: frame === firstFrame };
}
