// Runs first (classic script in <head>): picks the page language from ?lang=en before the
// widgets' module script reads <html lang>. The choice lives only in the URL, never in storage.
(function () {
  var lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "de";
  document.documentElement.lang = lang;
})();
