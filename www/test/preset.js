// Page script of /test/preset.html (a module file: the CSP forbids inline scripts). Builds the
// config from ?preset= at run time, as a storefront does when a value (here Shopware's
// per-visitor sw-context-token) is only known in the page.
import init, { configure } from "/pkg/schaufenster.js";

const preset = new URLSearchParams(location.search).get("preset") || "shopify";
const headers = preset === "shopware6" ? { "sw-access-key": "SWSCKOFFERKONTORTEST00000", "sw-context-token": "e2e-context-token" } : {};

await init();
configure({
  locale: "de-DE",
  currency: "EUR",
  preset,
  backend: { headers, retries: 0 },
  consent: { required: true },
  shipping_bar: {
    tiers: [{ id: "free-shipping", reward: "free_shipping", thresholds: [{ currency: "EUR", amount: 15000 }] }],
  },
});
