// Page script of /test/preset.html (a module file: the CSP forbids inline scripts). Builds the
// config from ?preset= at run time, as a storefront does when a value (here Shopware's
// per-visitor sw-context-token) is only known in the page.
import init, { configure } from "/pkg/schaufenster.js";

const preset = new URLSearchParams(location.search).get("preset") || "shopify";
const headers = preset === "shopware6" ? { "sw-access-key": "SWSCKOFFERKONTORTEST00000", "sw-context-token": "e2e-context-token" } : {};

// ?advisor adds an advisor whose catalogue names no source: the preset's product list.
const advisor = new URLSearchParams(location.search).has("advisor");
if (advisor) document.querySelector(".bar-inner").append(document.createElement("sf-advisor"));

await init();
configure({
  locale: "de-DE",
  currency: "EUR",
  preset,
  backend: { headers, retries: 0 },
  consent: { required: true },
  shipping_bar: {
    tiers: [{ id: "free-shipping", reward: "free_shipping", thresholds: [{ currency: "EUR", amount: 15000 }] }],
    // No source: the preset's product endpoint (Shopify: recommendations for the cart's first product).
    suggestions: {},
  },
  ...(advisor && {
    advisor: {
      out_of_stock: "last",
      max_results: 5,
      // The preset's product list, with one pointer of its own over the preset's: this page's
      // CSP allows images only from its origin, and the fixtures' images are on the shop's CDN.
      catalogue: { source: { map: { "items.image": "/no_image_on_the_test_page" } }, attributes: {} },
      questions: [
        {
          id: "budget",
          type: "single",
          required: true,
          text: { de: "Wie viel darf es kosten?", en: "How much may it cost?" },
          options: [
            { id: "low", label: { de: "bis 80 €", en: "up to 80 €" }, effects: [{ attribute: "price", op: "<=", value: 8000, explain: { de: "bis 80 €", en: "up to 80 €" } }] },
            { id: "mid", label: { de: "bis 150 €", en: "up to 150 €" }, effects: [{ attribute: "price", op: "<=", value: 15000, explain: { de: "bis 150 €", en: "up to 150 €" } }] },
          ],
        },
      ],
    },
  }),
});
