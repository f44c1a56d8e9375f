// A headless app using the npm package, type-checked against the shipped .d.ts.
// Run with: ./x test (it packs the package, installs the tarball here with
// `npm install ../../target/schaufenster-<version>.tgz` and runs `npm run check`).
import init, { configure, mount, unmount, setCart, setCustomer, grantConsent, on, type Cart, type SchaufensterConfig, type SchaufensterEventMap } from "schaufenster";

const config: SchaufensterConfig = {
  locale: "en-US",
  currency: "EUR",
  shipping_bar: {
    tiers: [{ id: "free-shipping", reward: "free_shipping", thresholds: [{ currency: "EUR", amount: 5000 }] }],
  },
  faq: { source: { url: "/api/faq?locale={language}" }, contact: "mailto:help@shop.example", synonyms: [["return", "refund"]] },
};

// The shipped types reject what the config decoder would reject (each line must be an error,
// or tsc fails on the unused directive).
// @ts-expect-error: "EURO" is not an ISO 4217 code
const badCurrency: SchaufensterConfig = { currency: "EURO" };
// @ts-expect-error: "rewards" is not a key of shipping_bar (it is "tiers")
const badKey: SchaufensterConfig = { shipping_bar: { rewards: [] } };
// @ts-expect-error: "subtotal" is "after_discounts" or "before_discounts"
const badEnum: SchaufensterConfig = { shipping_bar: { tiers: [], subtotal: "net" } };
export const rejected = [badCurrency, badKey, badEnum];

/** Every widget `mount` accepts. */
export const widgets: Parameters<typeof mount>[1][] = ["shipping-bar", "social-proof", "faq"];

export async function start(host: HTMLElement): Promise<() => void> {
  await init();
  const errors: number = configure(config);
  if (errors > 0) throw new Error(`config has ${errors} errors`);
  const mounted: boolean = mount(host, "shipping-bar");
  const cart: Cart = { currency: "EUR", lines: [{ product_id: "tee", quantity: 2, unit_price: 1990 }] };
  setCart(cart);
  setCustomer({ token: "signed-by-your-server" });
  grantConsent();
  // Event details are typed, through `on` and through addEventListener alike.
  const onReached = (e: CustomEvent<SchaufensterEventMap["sf:threshold-reached"]>) => console.log("reached", e.detail.tier, e.detail.threshold);
  document.addEventListener("sf:threshold-reached", onReached);
  const stopSearch = on("sf:faq-search", (detail) => {
    const results: number = detail.results;
    console.log(detail.query, results);
  });
  if (!mounted) console.warn("shipping bar not configured");
  return () => {
    document.removeEventListener("sf:threshold-reached", onReached);
    stopSearch();
    unmount(host);
  };
}

// @ts-expect-error: sf:faq-open's detail has no "query"
on("sf:faq-open", (detail) => detail.query);
// @ts-expect-error: "sf:opened" is not an event of the suite
on("sf:opened", () => {});
// @ts-expect-error: sf:add-to-cart's price is a number of minor units, not a string
document.addEventListener("sf:add-to-cart", (e) => e.detail.price.toUpperCase());
