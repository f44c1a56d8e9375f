// FAQ report for the shop owner: top zero-result searches and the helpful ratio per answer,
// from GET /api/faq/report. No inline script or style (strict CSP); texts are set with
// textContent only, so queries typed by shoppers can never become markup.

import { LANG, $, applyLanguage } from "/page-lang.js";

const TEXTS = {
  de: {
    "title.page": "FAQ-Bericht – Kofferkontor",
    loading: "Bericht wird geladen …",
    loaded: "Bericht geladen: {zero} Suchanfragen ohne Treffer, {entries} Fragen.",
    error: "Der Bericht konnte nicht geladen werden ({detail}). Bitte später erneut versuchen.",
    "ratio.none": "keine Stimmen",
    nav: "Hauptnavigation",
    settings: "Bericht-Einstellungen",
  },
  en: {
    "title.page": "FAQ report – Kofferkontor",
    loading: "Loading the report …",
    loaded: "Report loaded: {zero} searches without results, {entries} questions.",
    error: "The report could not be loaded ({detail}). Please try again later.",
    "ratio.none": "no votes",
    nav: "Main navigation",
    settings: "Report settings",
    skip: "Skip to content",
    "nav.shop": "Shop",
    "nav.report": "FAQ report",
    "nav.playground": "Test your configuration",
    locale: "FAQ language",
    "locale.de": "German",
    "locale.en": "English",
    limit: "Number of searches",
    reload: "Refresh",
    title: "FAQ report",
    lead: "What customers search the FAQ for in vain, and which answers helped them. Searches are stored only with consent and without a visitor id.",
    "zero.heading": "Searches without results",
    "zero.empty": "No search without results so far.",
    "zero.caption": "Most frequent searches without results, by count",
    "col.query": "Search",
    "col.count": "Count",
    "entries.heading": "Rating of the answers",
    "entries.caption": "“Was this helpful?” per question, most votes first",
    "col.question": "Question",
    "col.helpful": "Helpful",
    "col.not_helpful": "Not helpful",
    "col.ratio": "Share helpful",
    footer: "Kofferkontor is a demo shop of Schaufenster. Nothing is sold.",
  },
};

const t = (key, vars = {}) => (TEXTS[LANG][key] ?? TEXTS.de[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));

const number = new Intl.NumberFormat(LANG === "en" ? "en-GB" : "de-DE");
const percent = new Intl.NumberFormat(LANG === "en" ? "en-GB" : "de-DE", { style: "percent", maximumFractionDigits: 0 });

function cell(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function row(...cells) {
  const tr = document.createElement("tr");
  tr.append(...cells);
  return tr;
}

function render(report) {
  const zero = report.zero_result_queries;
  $("[data-zero-rows]").replaceChildren(
    ...zero.map((z) => row(cell("th", z.query, { scope: "row", lang: report.locale }), cell("td", number.format(z.count)))),
  );
  $("[data-zero-table]").hidden = zero.length === 0;
  $("[data-zero-empty]").hidden = zero.length !== 0;
  $("[data-entries-rows]").replaceChildren(
    ...report.entries.map((e) =>
      row(
        cell("th", e.question, { scope: "row", lang: report.locale }),
        cell("td", number.format(e.helpful)),
        cell("td", number.format(e.not_helpful)),
        cell("td", e.ratio === null ? t("ratio.none") : percent.format(e.ratio)),
      ),
    ),
  );
  $("[data-status]").textContent = t("loaded", { zero: zero.length, entries: report.entries.length });
}

let current = null;

async function load() {
  const locale = $("[data-locale]").value;
  const limit = $("[data-limit]").value;
  const errorBox = $("[data-error]");
  const main = $("#main");
  if (current) current.abort();
  const ctrl = (current = new AbortController());
  main.setAttribute("aria-busy", "true");
  $("[data-status]").textContent = t("loading");
  try {
    const res = await fetch(`/api/faq/report?locale=${encodeURIComponent(locale)}&limit=${encodeURIComponent(limit)}`, {
      headers: { Accept: "application/json" },
      signal: ctrl.signal,
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const report = await res.json();
    if (!Array.isArray(report?.zero_result_queries) || !Array.isArray(report?.entries)) throw new Error("unexpected answer");
    errorBox.hidden = true;
    render(report);
  } catch (err) {
    if (err.name === "AbortError") return;
    errorBox.textContent = t("error", { detail: err.message });
    errorBox.hidden = false;
    $("[data-status]").textContent = "";
  } finally {
    if (current === ctrl) main.removeAttribute("aria-busy");
  }
}

applyLanguage(t);
$("[data-locale]").value = LANG;
$("[data-locale]").addEventListener("change", load);
$("[data-limit]").addEventListener("change", load);
$("[data-reload]").addEventListener("click", load);
$("[data-settings]").addEventListener("submit", (e) => {
  e.preventDefault();
  load();
});
load();
