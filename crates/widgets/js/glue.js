// Browser glue for the Schaufenster runtime. Everything here is a thin wrapper over a web API
// that is shorter to call from JS than through web-sys; logic stays in Rust.

// fetch with a timeout. Resolves {status, text}; rejects with "timeout" or "network".
// GET requests for the same URL, headers and credentials made in one task share one fetch:
// the bar and the loyalty or advisor widget on a page load the cart once at start and once per
// `sf:cart-changed`, not once each. A request from an earlier task is never joined, so a
// reload after a change cannot get an answer from before it. The answer ({status, text}) is
// only read, so every caller can have the same one.
const open = new Map();
export function sfFetch(url, method, headers, body, credentials, timeoutMs) {
  if (method !== "GET") return send(url, method, headers, body, credentials, timeoutMs);
  const key = url + "\n" + JSON.stringify(headers) + credentials;
  let answer = open.get(key);
  if (!answer) {
    answer = send(url, method, headers, body, credentials, timeoutMs);
    open.set(key, answer);
    setTimeout(() => open.delete(key));
  }
  return answer;
}

async function send(url, method, headers, body, credentials, timeoutMs) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const init = { method, headers: new Headers(headers), credentials, signal: ctl.signal };
    if (body !== undefined) init.body = body;
    const res = await fetch(url, init);
    const text = await res.text();
    return { status: res.status, text };
  } catch (e) {
    throw ctl.signal.aborted ? "timeout" : "network";
  } finally {
    clearTimeout(timer);
  }
}

// JSON.parse that returns undefined instead of throwing.
export function sfParse(text) {
  try { return JSON.parse(text); } catch (e) { return undefined; }
}

export function sfStringify(value) {
  return JSON.stringify(value);
}

const formats = new Map();
// Money through Intl.NumberFormat; minor units → major by the currency's exponent.
export function sfMoney(locale, currency, minor, exponent) {
  const key = locale + "|" + currency;
  let f = formats.get(key);
  if (!f) {
    try { f = new Intl.NumberFormat(locale, { style: "currency", currency }); }
    catch (e) { f = new Intl.NumberFormat("en", { style: "currency", currency }); }
    formats.set(key, f);
  }
  return f.format(minor / Math.pow(10, exponent));
}

export function sfSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Defines one custom element per name; connect(el, name) / connect(el) go to Rust.
// One callback for both: called without a name, it unmounts.
export function sfDefine(names, connect) {
  for (const name of names) {
    if (customElements.get(name)) continue;
    customElements.define(name, class extends HTMLElement {
      // A product page that swaps variants changes `product`; the widget must follow it.
      static get observedAttributes() { return ["product", "locale"]; }
      connectedCallback() { connect(this, name); }
      disconnectedCallback() { connect(this); }
      attributeChangedCallback(attr, before, after) {
        if (before !== null && before !== after && this.isConnected) connect(this, name);
      }
    });
  }
}

const sheets = new Map();
function sheet(css) {
  let s = sheets.get(css);
  if (!s) { s = new CSSStyleSheet(); s.replaceSync(css); sheets.set(css, s); }
  return s;
}

// Prepares the element for rendering and returns the container to mount into.
// Styles are adopted stylesheets, which a strict CSP (style-src 'self') allows.
export function sfAttach(host, css, shadow) {
  let root;
  if (shadow) {
    root = host.shadowRoot || host.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet(css)];
  } else {
    root = host;
    const s = sheet(css);
    if (!document.adoptedStyleSheets.includes(s)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
  }
  const old = root.querySelector(":scope > [data-sf-root]");
  if (old) old.remove();
  const div = document.createElement("div");
  div.setAttribute("data-sf-root", "");
  root.appendChild(div);
  return div;
}

// Dispatches a bubbling, composed CustomEvent "sf:<name>"; returns false when a listener cancelled it.
export function sfEmit(target, name, detail) {
  return target.dispatchEvent(new CustomEvent("sf:" + name, { detail, bubbles: true, composed: true, cancelable: true }));
}

// addEventListener that returns the matching remove function.
export function sfListen(target, name, cb) {
  const f = (e) => cb(e);
  target.addEventListener(name, f);
  return () => target.removeEventListener(name, f);
}

export function sfVisible() {
  return document.visibilityState === "visible";
}

export function sfWarn(text) {
  console.warn(text);
}

// The hash, percent-decoded ("#faq-größe"); as it is when it is not valid UTF-8.
export function sfHash() {
  try { return decodeURIComponent(location.hash); } catch (e) { return location.hash; }
}

// Whether `href` leads to the page it is on (same origin and path): a link there would only
// reload it.
export function sfHere(href) {
  const u = new URL(href, location.href);
  return u.origin === location.origin && u.pathname === location.pathname;
}

// Sets the hash without scrolling, a history entry or a hashchange event ("" removes it).
// Built on the full URL, so a <base href> cannot redirect it.
export function sfSetHash(hash) {
  const u = new URL(location.href);
  if (u.hash === hash) return;
  u.hash = hash;
  history.replaceState(history.state, "", hash ? u : u.pathname + u.search);
}

// After the current render: scrolls the element with id `show` (in the same document or shadow
// root as `near`) into view and focuses the one with id `focus` ("": none). An answer is shown
// whole (or from its top when taller than the screen) while its heading takes the focus.
export function sfShow(near, show, focus) {
  setTimeout(() => {
    const root = near.getRootNode();
    const get = (id) => root.getElementById && root.getElementById(id);
    const el = get(show);
    if (el) el.scrollIntoView({ block: "nearest" });
    const f = focus && get(focus);
    if (f) f.focus({ preventScroll: true });
  }, 0);
}

export function sfReportProblems(text) {
  console.error(text);
}

const plurals = new Map();
// Intl.PluralRules category ("one", "other", …) for n in locale.
// Intl throws RangeError for tags it rejects ("en-12"); an exception must never cross into
// the wasm, so every helper falls back to English.
function intl(make, locale) {
  try { return make(locale); } catch (e) { return make("en"); }
}

export function sfPlural(locale, n) {
  let p = plurals.get(locale);
  if (!p) { p = intl((l) => new Intl.PluralRules(l), locale); plurals.set(locale, p); }
  return p.select(n);
}

// Numbers through Intl.NumberFormat with a fixed number of fraction digits ("4,6", "1.000").
export function sfNumber(locale, n, digits) {
  return intl((l) => new Intl.NumberFormat(l, { minimumFractionDigits: digits, maximumFractionDigits: digits }), locale).format(n);
}

// A duration as words ("24 Stunden", "30 minutes").
export function sfUnit(locale, n, unit) {
  return intl((l) => new Intl.NumberFormat(l, { style: "unit", unit, unitDisplay: "long" }), locale).format(n);
}

export function sfNow() {
  return Date.now();
}

// sessionStorage: reads `key` when `value` is undefined, removes it when null, else writes it.
// Storage that is disabled or full throws; that must never cross into the wasm.
export function sfSession(key, value) {
  try {
    if (value === undefined) return sessionStorage.getItem(key);
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (e) {}
  return null;
}

// A fresh idempotency key: 128 random bits as hex (getRandomValues works outside secure contexts).
export function sfKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Copies text to the clipboard; resolves true when it worked.
export async function sfCopy(text) {
  try { await navigator.clipboard.writeText(text); return true; } catch (e) { return false; }
}

// A date as words in the locale ("12.03.2026", "Mar 12, 2026").
export function sfDate(locale, ms) {
  return intl((l) => new Intl.DateTimeFormat(l, { dateStyle: "medium" }), locale).format(ms);
}

// The focused element inside the document or shadow root that holds `node`.
export function sfActive(node) {
  return node.getRootNode().activeElement;
}

// Shopify's Customer Privacy API: with a visitorConsentCollected event, its detail; without
// one, the API itself if the theme loaded it. True only when both analytics and preferences
// processing are allowed.
export function sfShopifyConsent(event) {
  try {
    const d = event && event.detail;
    if (d) return d.analyticsAllowed === true && d.preferencesAllowed === true;
    const p = window.Shopify && window.Shopify.customerPrivacy;
    return !!p && p.analyticsProcessingAllowed() === true && p.preferencesProcessingAllowed() === true;
  } catch (e) {
    return false;
  }
}

// A promise and its resolve function (kept on the promise): `boot` returns the promise and
// resolves it from a spawned task, so the package needs no async export of its own.
export function sfDeferred() {
  let resolve;
  const p = new Promise((r) => (resolve = r));
  p.r = resolve;
  return p;
}

export function sfResolve(p, value) {
  p.r(value);
}

// The page's window and document (undefined outside a page): shorter than web-sys's search
// for the global object.
export function sfWindow() {
  return globalThis.window;
}

export function sfDocument() {
  return globalThis.document;
}
