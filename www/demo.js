// Kofferkontor demo storefront: product grid, cart page, currency/country/language switches.
// Plain ES module, no framework; talks to the reference backend under /api. The page language
// comes only from the URL (?lang=en, set on <html lang> by lang.js); nothing is stored.
//
// The <sf-shipping-bar> widget never changes the cart itself: it dispatches `sf:add-to-cart`,
// the page performs the request and then announces `sf:cart-changed` on document, which makes
// every widget reload the cart.

const LANG = document.documentElement.lang === "en" ? "en" : "de";
const LOCALE = LANG === "en" ? "en" : "de-DE";

const TEXTS = {
  de: {
    skip: "Zum Inhalt springen",
    nav: "Hauptnavigation",
    "nav.shop": "Sortiment",
    "nav.cart": "Warenkorb",
    "nav.help": "Hilfe",
    "nav.advisor": "Kofferberater",
    "nav.account": "Konto",
    "title.account": "Mein Konto – Kofferkontor",
    "account.title": "Mein Konto",
    "account.lead": "Melde dich mit dem Demo-Konto an, um deine Treuepunkte zu sehen und einzulösen. Im Demo-Shop gibt es kein Passwort.",
    "account.login": "Als Demo-Kundin anmelden",
    "account.logout": "Abmelden",
    "account.signedIn": "Angemeldet als {name}.",
    "account.signedOut": "Du bist abgemeldet.",
    "cart.login": "Als Demo-Kundin anmelden und Punkte sammeln",
    "title.help": "Hilfe – Kofferkontor",
    "title.advisor": "Kofferberater – Kofferkontor",
    "advisor.title": "Welches Gepäck passt zu dir?",
    "advisor.lead": "Ein paar Fragen zu deinen Reisen – und wir zeigen dir die Koffer, Taschen und Rucksäcke, die am besten passen, und warum.",
    "consent.advisor.title": "Antworten merken",
    "consent.advisor.text": "Dürfen wir deine Antworten in diesem Tab speichern? Dann geht nichts verloren, wenn du die Seite neu lädst. Ohne deine Zustimmung wird nichts gespeichert.",
    "consent.advisor.granted": "Danke! Deine Antworten bleiben jetzt in diesem Tab erhalten.",
    "help.title": "Hilfe & häufige Fragen",
    "help.lead": "Versand, Rücksendung, Zahlung, Größen, Gutscheine und Treuepunkte: Tippe deine Frage ein – auch mit Tippfehlern.",
    "consent.title": "Suchen ohne Treffer",
    "consent.text": "Dürfen wir Suchbegriffe, zu denen wir keine Antwort hatten, anonym speichern? So sehen wir, welche Fragen in der Hilfe fehlen. Ohne deine Zustimmung wird nichts gesendet.",
    "consent.allow": "Erlauben",
    "consent.granted": "Danke! Suchen ohne Treffer werden ab jetzt anonym gespeichert.",
    settings: "Shop-Einstellungen",
    currency: "Währung",
    country: "Lieferland",
    "country.DE": "Deutschland",
    "country.AT": "Österreich",
    "country.CH": "Schweiz",
    "shop.title": "Reisegepäck & Zubehör",
    "shop.lead": "Koffer, Rucksäcke und alles für unterwegs. Versandkostenfrei ab 50 € (Österreich 70 €, in CHF ab 75 CHF), ab 100 € (120 CHF) mit Gratis-Geschenk.",
    "shop.products": "Produkte",
    "shop.add": "In den Warenkorb",
    "shop.addLabel": "{title} in den Warenkorb legen",
    "shop.soldOut": "Ausverkauft",
    "shop.added": "{title} liegt im Warenkorb.",
    "shop.noMore": "Mehr {title} haben wir gerade nicht auf Lager.",
    "shop.noMoreAny": "Davon haben wir gerade nicht mehr auf Lager.",
    "cart.title": "Warenkorb",
    "cart.lines": "Artikel",
    "cart.empty": "Dein Warenkorb ist leer.",
    "cart.browse": "Weiter stöbern",
    "cart.subtotal": "Zwischensumme",
    "cart.shipping": "Versand",
    "cart.free": "kostenlos",
    "cart.total": "Gesamt",
    "cart.checkout": "Zahlungspflichtig bestellen",
    "cart.outOfStock": "Davon ist nicht mehr genug auf Lager. Bitte verringere die Menge oder entferne den Artikel.",
    "cart.qty": "Menge",
    "cart.less": "Ein Stück weniger: {title}",
    "cart.more": "Ein Stück mehr: {title}",
    "cart.remove": "Entfernen",
    "cart.removeLabel": "{title} entfernen",
    "cart.removed": "{title} wurde entfernt.",
    "cart.changed": "{title}: Menge {qty}.",
    "cart.count.one": "{n} Artikel im Warenkorb",
    "cart.count": "{n} Artikel im Warenkorb",
    "thanks.title": "Vielen Dank für deine Bestellung!",
    "thanks.text": "Bestellnummer {id}. Gesamtbetrag {total}, davon Versand {shipping}.",
    "thanks.voucher": " Gutschein {code} eingelöst.",
    "voucher.label": "Gutscheincode",
    "voucher.apply": "Einlösen",
    "voucher.hint": "Zum Beispiel KK-ABCD-2345. Deine Codes aus Treuepunkten findest du unter Konto.",
    "voucher.applied": "Gutschein {code} ({name})",
    "voucher.done": "Gutschein {code} eingelöst: {effect}.",
    "voucher.removed": "Gutschein {code} entfernt. Du kannst ihn später noch einlösen.",
    "voucher.removeLabel": "Gutschein {code} entfernen",
    "voucher.freeShipping": "Versand gratis",
    "voucher.gift": "Reiseset gratis dabei",
    "voucher.inactive": "wirkt gerade nicht",
    "voucher.error.invalid_voucher_code": "Bitte gib einen Gutscheincode ein, zum Beispiel KK-ABCD-2345.",
    "voucher.error.unknown_voucher": "Diesen Gutscheincode kennen wir nicht. Bitte prüfe die Schreibweise.",
    "voucher.error.voucher_used": "Dieser Gutschein wurde schon eingelöst.",
    "voucher.error.voucher_limit": "Pro Bestellung geht ein Gutschein. Entferne zuerst den anderen.",
    "voucher.error.voucher_no_goods": "Dieser Gutschein gilt für Artikel im Warenkorb; Geschenkgutscheine sind ausgenommen.",
    "voucher.error.voucher_nothing_to_ship": "Dieser Gutschein gilt nur zusammen mit Artikeln, die wir verschicken.",
    "voucher.error.voucher_shipping_free": "Der Versand ist für diesen Warenkorb schon kostenlos. Heb dir den Gutschein für eine andere Bestellung auf.",
    "voucher.error.voucher_currency": "Dieser Gutschein gilt nicht in der gewählten Währung.",
    "voucher.error.voucher_unsupported": "Diesen Gutschein kannst du nicht im Warenkorb einlösen.",
    "settings.saved": "Einstellungen gespeichert: {currency}, {country}.",
    error: "Das hat leider nicht geklappt. Bitte versuche es noch einmal.",
    "error.load": "Die Produkte konnten nicht geladen werden. Bitte lade die Seite neu.",
    footer: "Kofferkontor ist ein Demo-Shop von Schaufenster. Es wird nichts verkauft.",
    "footer.playground": "Für Shop-Betreiber: schaufenster.json testen",
    "title.shop": "Kofferkontor – Reisegepäck und Zubehör",
    "title.cart": "Warenkorb – Kofferkontor",
    "title.test": "Testseite – Kofferkontor",
    "title.product": "Produkt – Kofferkontor",
    "title.productNamed": "{title} – Kofferkontor",
    "product.inStock": "Auf Lager",
    "product.soldOut": "Derzeit nicht auf Lager",
    "product.missing": "Dieses Produkt gibt es nicht (mehr).",
    "product.back": "Zurück zum Sortiment",
    "test.title": "Testseite: fehlerhafte Konfiguration",
    "test.lead": "Der Versandbalken ist absichtlich falsch konfiguriert. Der Rest der Seite muss weiter funktionieren.",
  },
  en: {
    skip: "Skip to content",
    nav: "Main navigation",
    "nav.shop": "Shop",
    "nav.cart": "Cart",
    "nav.help": "Help",
    "nav.advisor": "Luggage advisor",
    "nav.account": "Account",
    "title.account": "My account – Kofferkontor",
    "account.title": "My account",
    "account.lead": "Sign in with the demo account to see and redeem your loyalty points. The demo shop has no password.",
    "account.login": "Sign in as the demo customer",
    "account.logout": "Sign out",
    "account.signedIn": "Signed in as {name}.",
    "account.signedOut": "You are signed out.",
    "cart.login": "Sign in as the demo customer and collect points",
    "title.help": "Help – Kofferkontor",
    "title.advisor": "Luggage advisor – Kofferkontor",
    "advisor.title": "Which luggage suits you?",
    "advisor.lead": "A few questions about your trips – and we show you the suitcases, bags and backpacks that fit best, and why.",
    "consent.advisor.title": "Remember my answers",
    "consent.advisor.text": "May we keep your answers in this tab? Then nothing is lost when you reload the page. Nothing is stored without your consent.",
    "consent.advisor.granted": "Thanks! Your answers are now kept in this tab.",
    "help.title": "Help & frequently asked questions",
    "help.lead": "Shipping, returns, payment, sizes, vouchers and loyalty points: type your question – typos are fine.",
    "consent.title": "Searches without an answer",
    "consent.text": "May we store search terms we had no answer for, anonymously? It shows us which questions the help is missing. Nothing is sent without your consent.",
    "consent.allow": "Allow",
    "consent.granted": "Thanks! Searches without an answer are now stored anonymously.",
    settings: "Shop settings",
    currency: "Currency",
    country: "Ship to",
    "country.DE": "Germany",
    "country.AT": "Austria",
    "country.CH": "Switzerland",
    "shop.title": "Luggage & travel gear",
    "shop.lead": "Suitcases, backpacks and everything for the road. Free shipping from €50 (Austria €70, in CHF from CHF 75), a free gift from €100 (CHF 120).",
    "shop.products": "Products",
    "shop.add": "Add to cart",
    "shop.addLabel": "Add {title} to cart",
    "shop.soldOut": "Sold out",
    "shop.added": "{title} is in your cart.",
    "shop.noMore": "We have no more {title} in stock right now.",
    "shop.noMoreAny": "We have no more of it in stock right now.",
    "cart.title": "Cart",
    "cart.lines": "Items",
    "cart.empty": "Your cart is empty.",
    "cart.browse": "Continue shopping",
    "cart.subtotal": "Subtotal",
    "cart.shipping": "Shipping",
    "cart.free": "free",
    "cart.total": "Total",
    "cart.checkout": "Place order",
    "cart.outOfStock": "There is no longer enough of it in stock. Please lower the quantity or remove the item.",
    "cart.qty": "Quantity",
    "cart.less": "One less: {title}",
    "cart.more": "One more: {title}",
    "cart.remove": "Remove",
    "cart.removeLabel": "Remove {title}",
    "cart.removed": "{title} was removed.",
    "cart.changed": "{title}: quantity {qty}.",
    "cart.count.one": "{n} item in cart",
    "cart.count": "{n} items in cart",
    "thanks.title": "Thank you for your order!",
    "thanks.text": "Order number {id}. Total {total}, including {shipping} shipping.",
    "thanks.voucher": " Voucher {code} used.",
    "voucher.label": "Voucher code",
    "voucher.apply": "Apply",
    "voucher.hint": "For example KK-ABCD-2345. The codes from your loyalty points are on your account page.",
    "voucher.applied": "Voucher {code} ({name})",
    "voucher.done": "Voucher {code} applied: {effect}.",
    "voucher.removed": "Voucher {code} removed. You can still use it later.",
    "voucher.removeLabel": "Remove voucher {code}",
    "voucher.freeShipping": "free shipping",
    "voucher.gift": "free travel kit included",
    "voucher.inactive": "not in effect",
    "voucher.error.invalid_voucher_code": "Please enter a voucher code, for example KK-ABCD-2345.",
    "voucher.error.unknown_voucher": "We don't know this voucher code. Please check how it is spelt.",
    "voucher.error.voucher_used": "This voucher has already been used.",
    "voucher.error.voucher_limit": "One voucher per order. Please remove the other one first.",
    "voucher.error.voucher_no_goods": "This voucher applies to items in the cart; gift cards are not included.",
    "voucher.error.voucher_nothing_to_ship": "This voucher only works together with items we ship.",
    "voucher.error.voucher_shipping_free": "Shipping is already free for this cart. Keep the voucher for another order.",
    "voucher.error.voucher_currency": "This voucher is not valid in the selected currency.",
    "voucher.error.voucher_unsupported": "This voucher cannot be used in the cart.",
    "settings.saved": "Settings saved: {currency}, {country}.",
    error: "Sorry, that did not work. Please try again.",
    "error.load": "The products could not be loaded. Please reload the page.",
    footer: "Kofferkontor is a Schaufenster demo shop. Nothing is sold.",
    "footer.playground": "For shop owners: test your schaufenster.json",
    "title.shop": "Kofferkontor – luggage and travel gear",
    "title.cart": "Cart – Kofferkontor",
    "title.test": "Test page – Kofferkontor",
    "title.product": "Product – Kofferkontor",
    "title.productNamed": "{title} – Kofferkontor",
    "product.inStock": "In stock",
    "product.soldOut": "Currently out of stock",
    "product.missing": "This product does not exist (any more).",
    "product.back": "Back to the shop",
    "test.title": "Test page: broken configuration",
    "test.lead": "The shipping bar is configured wrongly on purpose. The rest of the page must keep working.",
  },
};

/** The text of `key` in the page language with `{name}` placeholders filled. */
function t(key, vars = {}) {
  const text = TEXTS[LANG][key] ?? TEXTS.de[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

const moneyFormats = new Map();
/** Minor units → "49,90 €" / "€49.90" / "CHF 49.90" through Intl. */
function money(minor, currency) {
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { style: "currency", currency });
    moneyFormats.set(currency, f);
  }
  return f.format(minor / 100);
}

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

function el(tag, props = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Language: translate static texts, keep ?lang=en on internal links, offer the other language.

function withLang(href) {
  const url = new URL(href, window.location.href);
  if (url.origin !== window.location.origin) return href;
  if (LANG === "en") url.searchParams.set("lang", "en");
  else url.searchParams.delete("lang");
  return url.pathname + url.search + url.hash;
}

function applyLanguage() {
  const page = document.body.dataset.page;
  if (page && TEXTS[LANG][`title.${page}`]) document.title = t(`title.${page}`);
  if (LANG === "de") {
    // The HTML is written in German; only links need the language kept (none for German).
  } else {
    for (const e of $$("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  }
  for (const e of $$("[data-i18n-attr]")) {
    const [attr, key] = e.dataset.i18nAttr.split(":");
    e.setAttribute(attr, t(key));
  }
  for (const a of $$("a[data-keep-lang]")) a.setAttribute("href", withLang(a.getAttribute("href")));
  const sw = $("[data-lang-switch]");
  if (sw) {
    const url = new URL(window.location.href);
    if (LANG === "en") {
      url.searchParams.delete("lang");
      sw.textContent = "Deutsch";
      sw.lang = "de";
      sw.hreflang = "de";
    } else {
      url.searchParams.set("lang", "en");
      sw.textContent = "English";
      sw.lang = "en";
      sw.hreflang = "en";
    }
    // FAQ entry ids are per language (the German and English FAQs are separate lists), so a
    // `#faq-<id>` deep link would name nothing on the other language's help page.
    if (url.hash.startsWith("#faq-")) url.hash = "";
    sw.href = url.pathname + url.search + url.hash;
  }
  document.documentElement.classList.remove("i18n-pending");
}

// ---------------------------------------------------------------------------------------------
// Backend.

class ApiError extends Error {
  constructor(message, code = "") {
    super(message);
    this.code = code;
  }
}

/** The demo customer's token after the demo login (see initDemoLogin); memory only. */
let customerToken = null;

async function api(method, path, body) {
  const sep = path.includes("?") ? "&" : "?";
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  // Signed in (demo login): the checkout credits the order's points to the customer.
  if (customerToken) init.headers.Authorization = `Bearer ${customerToken}`;
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(`/api${path}${sep}locale=${LANG}`, init);
  } catch (e) {
    throw new ApiError("network");
  }
  let data;
  try {
    data = await res.json();
  } catch (e) {
    throw new ApiError("malformed");
  }
  if (!res.ok) throw new ApiError(data?.error?.message || `HTTP ${res.status}`, data?.error?.code || "");
  return data;
}

/** Tells every widget on the page that the cart changed. */
function cartChanged() {
  document.dispatchEvent(new CustomEvent("sf:cart-changed", { detail: { source: "demo" } }));
}

// ---------------------------------------------------------------------------------------------
// Status and errors.

function announce(text) {
  const s = $("[data-status]");
  if (!s) return;
  // Re-set so repeated identical messages are announced again.
  s.textContent = "";
  window.requestAnimationFrame(() => {
    s.textContent = text;
  });
}

function showError(text) {
  const box = $("[data-error]");
  if (!box) return;
  box.textContent = text || "";
  box.hidden = !text;
}

// ---------------------------------------------------------------------------------------------
// Cart state shared by header, product grid and cart page.

let cart = null;

function renderCount() {
  const n = cart ? cart.item_count : 0;
  for (const e of $$("[data-cart-count]")) e.textContent = String(n);
  for (const e of $$("[data-cart-count-text]")) e.textContent = `, ${t(new Intl.PluralRules(LOCALE).select(n) === "one" ? "cart.count.one" : "cart.count", { n })}`;
}

function setCart(next) {
  cart = next;
  renderCount();
  syncSettings();
  if (document.body.dataset.page === "cart") renderCart();
}

function syncSettings() {
  if (!cart) return;
  const cur = $("[data-currency]");
  const country = $("[data-country]");
  if (cur && cur.value !== cart.currency) cur.value = cart.currency;
  if (country && country.value !== cart.country) country.value = cart.country;
}

async function loadCart() {
  try {
    setCart(await api("GET", "/cart"));
  } catch (e) {
    // The header count stays as it is; the widget shows its own fallback.
    if (document.body.dataset.page === "cart") showError(t("error"));
  }
}

/** An add button's click: one request at a time. aria-disabled while it runs, not disabled:
 * a disabled button would drop the keyboard focus to the page. */
async function addOnce(button, p) {
  if (button.getAttribute("aria-disabled") === "true") return;
  button.setAttribute("aria-disabled", "true");
  await addToCart(p.id, 1, p.title);
  button.removeAttribute("aria-disabled");
}

async function addToCart(productId, quantity = 1, title) {
  try {
    setCart(await api("POST", "/cart/lines", { product_id: productId, quantity }));
    showError("");
    cartChanged();
    const line = cart.lines.find((l) => l.product_id === productId);
    announce(t("shop.added", { title: line ? line.title : title || productId }));
    return true;
  } catch (e) {
    showError(e.code === "out_of_stock" ? (title ? t("shop.noMore", { title }) : t("shop.noMoreAny")) : t("error"));
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Settings: currency and country.

function initSettings() {
  const form = $("[data-settings]");
  if (!form) return;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", async (e) => {
    if (!(e.target instanceof HTMLSelectElement)) return;
    const body = { currency: $("[data-currency]").value, country: $("[data-country]").value };
    try {
      setCart(await api("PUT", "/cart/settings", body));
      showError("");
      cartChanged();
      const countryName = t(`country.${cart.country}`);
      announce(t("settings.saved", { currency: cart.currency, country: countryName }));
      if ($("[data-products]")) await loadProducts();
      if ($("[data-detail]")) await loadProductPage();
    } catch (err) {
      showError(t("error"));
      syncSettings();
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Product grid (index.html).

let productsCurrency = null;

async function loadProducts() {
  const list = $("[data-products]");
  if (!list) return;
  const currency = cart ? cart.currency : ($("[data-currency]")?.value || "EUR");
  let data;
  try {
    data = await api("GET", `/products?currency=${encodeURIComponent(currency)}`);
  } catch (e) {
    list.setAttribute("aria-busy", "false");
    showError(t("error.load"));
    return;
  }
  productsCurrency = data.currency;
  const items = data.products.map((p) => {
    const titleId = `product-${p.id}-title`;
    const button = el("button", {
      type: "button",
      class: "btn btn-primary add",
      "data-add": p.id,
      "aria-describedby": titleId,
      disabled: !p.available,
      text: p.available ? t("shop.add") : t("shop.soldOut"),
    });
    button.addEventListener("click", () => addOnce(button, p));
    return el("li", { class: "product", id: `product-${p.id}`, "data-product": p.id }, [
      el("img", { src: p.image, alt: "", width: "160", height: "120", loading: "lazy", decoding: "async" }),
      el("h3", { id: titleId }, [el("a", { href: productHref(p.id), text: p.title })]),
      el("p", { class: "price", text: money(p.price, data.currency) }),
      // Badges from the shop's own numbers; all cards share one stats request.
      el("sf-social-proof", { product: p.id }),
      button,
    ]);
  });
  list.replaceChildren(...items);
  list.setAttribute("aria-busy", "false");
}

/** The product page of `id`, in the page language. */
function productHref(id) {
  return withLang(`/product.html?id=${encodeURIComponent(id)}`);
}

// ---------------------------------------------------------------------------------------------
// Product page (product.html?id=…).

/** Records that this visitor looked at the product (counted as "viewing now"; 204, no body). */
function recordView(productId) {
  fetch("/api/events", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ product_id: productId, kind: "view" }),
  }).catch(() => {
    // A lost view only makes "viewing now" smaller; nothing to tell the shopper.
  });
}

async function loadProductPage() {
  const box = $("[data-detail]");
  if (!box) return;
  const id = new URLSearchParams(window.location.search).get("id") || "";
  const currency = cart ? cart.currency : "EUR";
  let data;
  try {
    data = await api("GET", `/products?currency=${encodeURIComponent(currency)}`);
  } catch (e) {
    box.setAttribute("aria-busy", "false");
    showError(t("error.load"));
    return;
  }
  const p = data.products.find((x) => x.id === id);
  if (!p) {
    box.replaceChildren(
      el("h1", { id: "detail-title", text: t("product.missing") }),
      el("p", {}, [el("a", { href: withLang("/"), text: t("product.back") })]),
    );
    box.setAttribute("aria-busy", "false");
    return;
  }
  document.title = t("title.productNamed", { title: p.title });
  const inStock = p.available && p.stock > 0;
  const button = el("button", {
    type: "button",
    class: "btn btn-primary add",
    "data-add": p.id,
    disabled: !inStock,
    text: inStock ? t("shop.add") : t("shop.soldOut"),
  });
  button.addEventListener("click", () => addOnce(button, p));
  box.replaceChildren(
    el("div", { class: "detail-media" }, [el("img", { src: p.image, alt: "", width: "480", height: "360", decoding: "async" })]),
    el("div", { class: "detail-info" }, [
      el("h1", { id: "detail-title", "data-detail-title": "", text: p.title }),
      el("p", { class: "price", "data-detail-price": "", text: money(p.price, data.currency) }),
      el("p", { class: inStock ? "stock" : "stock sold-out", "data-detail-stock": "", text: inStock ? t("product.inStock") : t("product.soldOut") }),
      el("div", { class: "buy" }, [
        button,
        // Badges beside the buy button, from the shop's recorded events.
        el("sf-social-proof", { product: p.id }),
      ]),
      el("p", { class: "back" }, [el("a", { href: withLang("/"), text: t("product.back") })]),
    ]),
  );
  box.setAttribute("aria-busy", "false");
  recordView(p.id);
}

// ---------------------------------------------------------------------------------------------
// Cart page (cart.html).

async function changeLine(line, quantity) {
  try {
    const path = `/cart/lines/${encodeURIComponent(line.product_id)}`;
    setCart(quantity > 0 ? await api("PUT", path, { quantity }) : await api("DELETE", path));
    showError("");
    cartChanged();
    announce(quantity > 0 ? t("cart.changed", { title: line.title, qty: quantity }) : t("cart.removed", { title: line.title }));
    if (quantity === 0) $("#main")?.focus();
  } catch (e) {
    showError(e.code === "out_of_stock" ? t("shop.noMore", { title: line.title }) : t("error"));
  }
}

function renderCart() {
  const section = $("[data-cart]");
  if (!section || !cart) return;
  const cur = cart.currency;
  const rows = cart.lines.map((line) => {
    const qtyId = `qty-${line.product_id}`;
    return el("li", { class: "line", "data-line": line.product_id }, [
      el("img", { src: line.image, alt: "", width: "80", height: "60" }),
      el("div", { class: "line-info" }, [
        el("h3", { class: "line-title", text: line.title }),
        el("p", { class: "line-unit", text: money(line.unit_price, cur) }),
      ]),
      el("div", { class: "qty", role: "group", "aria-label": `${t("cart.qty")}: ${line.title}` }, [
        el("button", { type: "button", class: "btn btn-icon", "data-less": "", "aria-label": t("cart.less", { title: line.title }), text: "−", onclick: () => changeLine(line, line.quantity - 1) }),
        el("output", { id: qtyId, class: "qty-value", "data-qty": "", text: String(line.quantity) }),
        el("button", { type: "button", class: "btn btn-icon", "data-more": "", "aria-label": t("cart.more", { title: line.title }), disabled: line.quantity >= 99, text: "+", onclick: () => changeLine(line, line.quantity + 1) }),
      ]),
      el("p", { class: "line-total", "data-line-total": "", text: money(line.line_total, cur) }),
      el("button", { type: "button", class: "btn btn-link", "data-remove": "", "aria-label": t("cart.removeLabel", { title: line.title }), text: t("cart.remove"), onclick: () => changeLine(line, 0) }),
    ]);
  });
  // The rows are rebuilt: the focused −/+ button gets the focus back in its new row, so the
  // keyboard does not fall back to the page.
  const focused = document.activeElement?.closest?.("[data-line] button");
  const again = focused && [focused.closest("[data-line]").dataset.line, ["less", "more", "remove"].find((k) => k in focused.dataset)];
  $("[data-lines]").replaceChildren(...rows);
  if (again) {
    const row = [...$("[data-lines]").children].find((r) => r.dataset.line === again[0]);
    const button = row?.querySelector(`button[data-${again[1]}]`);
    (button && !button.disabled ? button : row?.querySelector("button[data-less]"))?.focus();
  }
  const empty = cart.lines.length === 0;
  $("[data-cart-empty]").hidden = !empty;
  $("[data-totals]").hidden = empty;
  $("[data-checkout]").hidden = empty;
  $("[data-subtotal]").textContent = money(cart.subtotal, cur);
  renderVoucher(cur);
  $("[data-shipping-cost]").textContent = cart.shipping.cost === 0 ? t("cart.free") : money(cart.shipping.cost, cur);
  $("[data-total]").textContent = money(cart.total, cur);
  section.setAttribute("aria-busy", "false");
}

// ---------------------------------------------------------------------------------------------
// Voucher code (cart.html): a code from the loyalty points (POST /api/cart/voucher). One per
// order: while one is in the cart, the totals show it with a remove button instead of the field.

/** The voucher error codes of the backend that have their own text. */
const VOUCHER_ERRORS = [
  "invalid_voucher_code", "unknown_voucher", "voucher_used", "voucher_limit", "voucher_no_goods",
  "voucher_nothing_to_ship", "voucher_shipping_free", "voucher_currency", "voucher_unsupported",
];

function voucherText(code) {
  return VOUCHER_ERRORS.includes(code) ? t(`voucher.error.${code}`) : t("error");
}

/** What the cart's voucher does, as the totals show it. */
function voucherEffect(v, cur) {
  if (!v.applies) return t("voucher.inactive");
  if (v.kind === "free_shipping") return t("voucher.freeShipping");
  if (v.kind === "gift") return t("voucher.gift");
  return `−${money(v.discount, cur)}`;
}

/** Shows `text` under the code field (described by it, marked invalid), or clears it. */
function voucherError(text) {
  const box = $("[data-voucher-error]");
  const input = $("[data-voucher-input]");
  if (!box || !input) return;
  box.textContent = text || "";
  box.hidden = !text;
  if (text) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

function renderVoucher(cur) {
  const form = $("[data-voucher-form]");
  const line = $("[data-voucher-line]");
  const note = $("[data-voucher-note]");
  if (!form || !line || !note) return;
  const v = cart.voucher;
  form.hidden = cart.lines.length === 0 || !!v;
  line.hidden = !v;
  note.hidden = !v || v.applies;
  if (!v) return;
  $("[data-voucher-name]").textContent = t("voucher.applied", { code: v.code, name: v.name });
  $("[data-voucher-effect]").textContent = voucherEffect(v, cur);
  $("[data-voucher-remove]").setAttribute("aria-label", t("voucher.removeLabel", { code: v.code }));
  note.textContent = v.applies ? "" : voucherText(v.problem?.code);
}

function initVoucher() {
  const form = $("[data-voucher-form]");
  if (!form) return;
  const input = $("[data-voucher-input]");
  const apply = $("[data-voucher-apply]");
  input.addEventListener("input", () => voucherError(""));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const code = input.value.trim();
    if (!code) {
      voucherError(t("voucher.error.invalid_voucher_code"));
      input.focus();
      return;
    }
    // One request at a time; aria-disabled keeps the focus on the button.
    if (apply.getAttribute("aria-disabled") === "true") return;
    apply.setAttribute("aria-disabled", "true");
    try {
      setCart(await api("POST", "/cart/voucher", { code }));
      voucherError("");
      showError("");
      input.value = "";
      cartChanged();
      announce(t("voucher.done", { code: cart.voucher.code, effect: voucherEffect(cart.voucher, cart.currency) }));
      // The field is gone now; the voucher's remove button is where the shopper continues.
      $("[data-voucher-remove]").focus();
    } catch (err) {
      voucherError(voucherText(err.code));
      input.focus();
    } finally {
      apply.removeAttribute("aria-disabled");
    }
  });
  $("[data-voucher-remove]").addEventListener("click", async () => {
    const code = cart?.voucher?.code || "";
    try {
      setCart(await api("DELETE", "/cart/voucher"));
      showError("");
      cartChanged();
      announce(t("voucher.removed", { code }));
      input.focus();
    } catch (err) {
      showError(t("error"));
    }
  });
}

function initCheckout() {
  const button = $("[data-checkout]");
  if (!button) return;
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const order = await api("POST", "/checkout");
      showError("");
      $("[data-cart]").hidden = true;
      const thanks = $("[data-thanks]");
      $("[data-thanks-text]").textContent = t("thanks.text", {
        id: order.order_id,
        total: money(order.total, order.currency),
        shipping: order.shipping_cost === 0 ? t("cart.free") : money(order.shipping_cost, order.currency),
      }) + (order.voucher ? t("thanks.voucher", { code: order.voucher.code }) : "");
      thanks.hidden = false;
      $("#thanks-heading").focus();
      cart = { ...cart, lines: [], item_count: 0 };
      renderCount();
      cartChanged();
    } catch (e) {
      // Stock ran out since the product was added, or another order used the voucher: say so,
      // "try again" would not help. The cart is reloaded to show the voucher's state.
      if (e.code === "voucher_used") {
        showError(t("voucher.error.voucher_used"));
        await loadCart();
      } else showError(t(e.code === "out_of_stock" || e.code === "unavailable" ? "cart.outOfStock" : "error"));
    } finally {
      button.disabled = false;
    }
  });
}

// ---------------------------------------------------------------------------------------------

// Suggestions of the shipping bar (and any other widget) ask the page to add a product.
document.addEventListener("sf:add-to-cart", (e) => {
  const d = e.detail || {};
  // `added: true`: the widget already put it in the cart (its add_to_cart_url).
  if (typeof d.product_id !== "string" || d.added === true) return;
  addToCart(d.product_id, Number.isInteger(d.quantity) && d.quantity > 0 ? d.quantity : 1);
});

// Help page: the shopper's consent to log searches that found nothing (kept for this page
// view only; the widgets hear it as the configured `sf:consent` event).
const consentButton = $("[data-consent]");
if (consentButton) {
  consentButton.addEventListener("click", () => {
    window.dispatchEvent(new CustomEvent("sf:consent"));
    consentButton.disabled = true;
    $("[data-consent-status]").textContent = t(consentButton.dataset.consentText || "consent.granted");
  });
}

// ---------------------------------------------------------------------------------------------
// Loyalty demo login (account and cart pages): the reference backend signs a token for the demo
// customer (no password: demo only). It lives in this page's memory only, never in storage; the
// widgets get it through setCustomer, and the checkout sends it so the order earns points.

const DEMO_EMAIL = "demo@kofferkontor.example";

async function widgets() {
  const sf = await import("/pkg/embed.js");
  await sf.ready;
  return sf;
}

function initDemoLogin() {
  const login = $("[data-demo-login]");
  const logout = $("[data-demo-logout]");
  const status = $("[data-login-status]");
  if (!login || !logout) return;
  login.addEventListener("click", async () => {
    login.disabled = true;
    try {
      const res = await api("POST", "/loyalty/demo-login", { email: DEMO_EMAIL });
      customerToken = res.token;
      (await widgets()).setCustomer({ token: res.token, id: String(res.customer.id) });
      status.textContent = t("account.signedIn", { name: res.customer.name });
      login.hidden = true;
      logout.hidden = false;
      logout.focus();
    } catch (e) {
      status.textContent = t("error");
    } finally {
      login.disabled = false;
    }
  });
  logout.addEventListener("click", async () => {
    customerToken = null;
    (await widgets()).setCustomer(null);
    status.textContent = t("account.signedOut");
    logout.hidden = true;
    login.hidden = false;
    login.focus();
  });
}

applyLanguage();
initSettings();
initDemoLogin();
initVoucher();
initCheckout();
const cartLoaded = loadCart();
if ($("[data-products]")) cartLoaded.then(() => (productsCurrency === null ? loadProducts() : undefined));
if ($("[data-detail]")) cartLoaded.then(loadProductPage);
