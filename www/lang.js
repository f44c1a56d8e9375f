// Runs first (classic script in <head>): picks the page language from ?lang=en before the
// widgets' module script reads <html lang>. The choice lives only in the URL, never in storage.
// The HTML is written in German; for English the body stays invisible until demo.js has
// translated it (at most 1.5 s, see demo.css), so the switch of texts shifts nothing.
(function () {
  var lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "de";
  document.documentElement.lang = lang;
  if (lang !== "de") document.documentElement.classList.add("i18n-pending");
})();
