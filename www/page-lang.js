// The language handling the owner pages (faq-report.html, playground.html) share: German by
// default, English with ?lang=en (lang.js sets <html lang> before the page renders).

export const LANG = document.documentElement.lang === "en" ? "en" : "de";
export const $ = (sel) => document.querySelector(sel);
export const $$ = (sel) => Array.from(document.querySelectorAll(sel));

/** `href` with the current language kept (same-origin links only). */
export function withLang(href) {
  const url = new URL(href, window.location.href);
  if (url.origin !== window.location.origin) return href;
  if (LANG === "en") url.searchParams.set("lang", "en");
  else url.searchParams.delete("lang");
  return url.pathname + url.search + url.hash;
}

/** Translates the page through `t` (data-i18n texts, data-i18n-attr attributes, the title),
 *  keeps the language on links and points the switch at the other language. */
export function applyLanguage(t) {
  document.title = t("title.page");
  if (LANG !== "de") for (const e of $$("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of $$("[data-i18n-attr]")) {
    const [attr, key] = e.dataset.i18nAttr.split(":");
    e.setAttribute(attr, t(key));
  }
  for (const a of $$("a[data-keep-lang]")) a.setAttribute("href", withLang(a.getAttribute("href")));
  const sw = $("[data-lang-switch]");
  const url = new URL(window.location.href);
  if (LANG === "en") url.searchParams.delete("lang");
  else url.searchParams.set("lang", "en");
  sw.textContent = LANG === "en" ? "Deutsch" : "English";
  sw.lang = sw.hreflang = LANG === "en" ? "de" : "en";
  sw.href = url.pathname + url.search + url.hash;
  document.documentElement.classList.remove("i18n-pending");
}
