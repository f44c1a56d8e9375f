// Config playground for the shop owner: edit schaufenster.json, see every problem with its
// JSON path as you type, and a preview of the five widgets with the edited config.
//
// The problems come from the validator the widgets run (crates/config), compiled to its own
// small wasm module (crates/playground, built into /playground-pkg/ by ./x) that only this page
// loads. The preview is the widget package itself: `configure(config)` installs the config and
// re-mounts every <sf-…> element of the page. It is called only for a config without errors (a
// broken one would disable widgets and report to the console, which is the package's behaviour
// on a shop page, not what an editor wants); the preview then keeps the last good state.
// The validator writes its messages and hints in English; check(text, LANG) has the module
// translate them for the German page (the path and the found value stay as they are).
// No inline script or style (strict CSP); every text is set with textContent.

import initValidator, { check } from "/playground-pkg/schaufenster_playground.js";
import initWidgets, { configure } from "/pkg/schaufenster.js";

import { LANG, $, applyLanguage } from "/page-lang.js";
const DEBOUNCE_MS = 300;

const TEXTS = {
  de: {
    "title.page": "Konfiguration testen – Kofferkontor",
    nav: "Hauptnavigation",
    checking: "Wird geprüft …",
    none: "Keine Probleme",
    errors: "{n} Fehler",
    "warnings.one": "1 Warnung",
    "warnings.other": "{n} Warnungen",
    error: "Fehler",
    warning: "Warnung",
    syntax: "JSON-Syntax",
    where: "Zeile {line}, Spalte {column}",
    show: " – im Textfeld markieren",
    found: "Gefunden:",
    hint: "Tipp:",
    "preview.loading": "Die Widgets werden geladen …",
    "preview.live": "Die Vorschau zeigt deine aktuelle Konfiguration.",
    "preview.stale": "Die Vorschau zeigt den letzten Stand ohne Fehler. Behebe die Fehler, um sie zu aktualisieren.",
    "preview.failed": "Die Widgets konnten nicht geladen werden ({detail}).",
    "load.failed": "Die Beispiel-Konfiguration konnte nicht geladen werden ({detail}). Bitte lade die Seite neu.",
    "validator.failed": "Die Prüfung konnte nicht geladen werden ({detail}). Bitte lade die Seite neu.",
  },
  en: {
    "title.page": "Test your configuration – Kofferkontor",
    nav: "Main navigation",
    checking: "Checking …",
    none: "No problems",
    "errors.one": "1 error",
    errors: "{n} errors",
    "warnings.one": "1 warning",
    "warnings.other": "{n} warnings",
    error: "Error",
    warning: "Warning",
    syntax: "JSON syntax",
    where: "line {line}, column {column}",
    show: " – select it in the text field",
    found: "Found:",
    hint: "Hint:",
    "preview.loading": "Loading the widgets …",
    "preview.live": "The preview shows your current configuration.",
    "preview.stale": "The preview shows the last state without errors. Fix the errors to update it.",
    "preview.failed": "The widgets could not be loaded ({detail}).",
    "load.failed": "The example configuration could not be loaded ({detail}). Please reload the page.",
    "validator.failed": "The checker could not be loaded ({detail}). Please reload the page.",
    skip: "Skip to content",
    "nav.shop": "Shop",
    "nav.playground": "Test your configuration",
    "nav.report": "FAQ report",
    title: "Test your configuration",
    lead: "Edit your shop's schaufenster.json here. Every problem shows up at once with its JSON path and a hint; the preview shows all five widgets with your configuration as soon as it has no errors. Nothing is saved.",
    "editor.heading": "schaufenster.json",
    "editor.label": "Configuration (JSON)",
    "editor.help": "Checked whenever you pause typing. Tab leaves the text field.",
    "editor.reset": "Restore the example",
    "editor.schema": "JSON Schema for editors",
    "problems.heading": "Problems",
    "problems.checking": "Checking …",
    "preview.heading": "Preview",
    "preview.shipping": "Free-shipping bar",
    "preview.social": "Social proof (Suitcase M)",
    "preview.loyalty": "Loyalty points",
    "preview.faq": "FAQ search",
    "preview.advisor": "Luggage advisor",
    footer: "Kofferkontor is a Schaufenster demo shop. Nothing is sold.",
  },
};

const t = (key, vars = {}) => (TEXTS[LANG][key] ?? TEXTS.de[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Problems.

const textarea = $("[data-config-text]");
const summary = $("[data-summary]");
const list = $("[data-problems]");

/** "2 Fehler, 1 Warnung" / "No problems". */
function summarize(problems) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const parts = [];
  if (errors) parts.push(errors === 1 && TEXTS[LANG]["errors.one"] ? t("errors.one") : t("errors", { n: errors }));
  if (warnings) parts.push(warnings === 1 ? t("warnings.one") : t("warnings.other", { n: warnings }));
  return parts.length ? parts.join(", ") : t("none");
}

/** Selects the problem's place in the text field and scrolls it into view. */
function select(p) {
  textarea.focus();
  textarea.setSelectionRange(p.from, p.to);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (p.line - 3) * lineHeight);
}

function problemItem(p) {
  const li = el("li", `pg-problem pg-${p.severity}`);
  const severity = t(p.severity);
  const path = p.syntax ? t("syntax") : p.path;
  const where = t("where", { line: p.line, column: p.column });
  const button = el("button", "pg-where");
  button.type = "button";
  button.append(el("span", "pg-severity", severity), " ", el("code", "pg-path", path), " ", el("span", "pg-pos", where), el("span", "visually-hidden", t("show")));
  button.addEventListener("click", () => select(p));
  li.append(button, el("p", "pg-message", p.message));
  if (p.found) {
    const found = el("p", "pg-found");
    found.append(el("span", "pg-label", t("found")), " ", el("code", "", p.found));
    li.append(found);
  }
  if (p.hint) {
    const hint = el("p", "pg-hint");
    hint.append(el("span", "pg-label", t("hint")), " ", p.hint);
    li.append(hint);
  }
  return li;
}

function showProblems(problems) {
  list.replaceChildren(...problems.map(problemItem));
  list.hidden = problems.length === 0;
  const text = summarize(problems);
  // Only a change is announced (the region is polite; typing re-checks often).
  if (summary.textContent !== text) summary.textContent = text;
  summary.dataset.state = problems.some((p) => p.severity === "error") ? "errors" : problems.length ? "warnings" : "ok";
}

// ---------------------------------------------------------------------------------------------
// Preview.

const note = $("[data-preview-note]");
let widgets = null; // resolves once the widget package is initialised (or rejects)
let previewed = null; // the JSON text of the config the preview shows

function setNote(key, vars) {
  note.textContent = t(key, vars);
  note.dataset.state = key.slice("preview.".length);
}

async function preview(text, problems) {
  if (problems.some((p) => p.severity === "error")) {
    if (previewed !== null) setNote("preview.stale");
    return;
  }
  try {
    await widgets;
  } catch (e) {
    return;
  }
  // The text may have changed while the package loaded; the newest check decides.
  if (text !== textarea.value) return;
  const config = JSON.parse(text);
  const canonical = JSON.stringify(config);
  if (canonical !== previewed) {
    previewed = canonical;
    configure(config);
  }
  setNote("preview.live");
}

// The shipping bar's suggestions ask the page to add a product (as on the shop pages).
document.addEventListener("sf:add-to-cart", async (e) => {
  const d = e.detail || {};
  if (typeof d.product_id !== "string" || d.added === true) return;
  const res = await fetch("/api/cart/lines", {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ product_id: d.product_id, quantity: Number.isInteger(d.quantity) && d.quantity > 0 ? d.quantity : 1 }),
  });
  if (res.ok) document.dispatchEvent(new CustomEvent("sf:cart-changed", { detail: { source: "playground" } }));
});

// ---------------------------------------------------------------------------------------------
// Editing.

let example = "";
let timer = 0;

function run() {
  clearTimeout(timer);
  const text = textarea.value;
  const problems = check(text, LANG);
  showProblems(problems);
  preview(text, problems);
}

function showError(key, err) {
  const box = $("[data-error]");
  box.textContent = t(key, { detail: err && err.message ? err.message : String(err) });
  box.hidden = false;
}

async function start() {
  applyLanguage(t);
  widgets = initWidgets();
  widgets.catch((err) => setNote("preview.failed", { detail: err && err.message ? err.message : String(err) }));
  let text;
  try {
    const [, res] = await Promise.all([initValidator(), fetch("/schaufenster.json", { headers: { Accept: "application/json" } })]);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (err) {
    showError(err instanceof TypeError || /HTTP/.test(err.message) ? "load.failed" : "validator.failed", err);
    summary.textContent = "";
    return;
  }
  example = text;
  textarea.value = text;
  textarea.disabled = false;
  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  $("[data-reset]").addEventListener("click", () => {
    textarea.value = example;
    run();
    textarea.focus();
  });
  run();
}

start();
