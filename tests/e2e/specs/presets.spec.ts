// Platform presets end to end: /test/preset.html?preset=… configures only `"preset"` (plus a
// 150 € free-shipping tier and, for Shopware, its two headers); the reference backend (started
// with --faults) answers the platform's cart path with the documented fixture that the native
// tests read too (crates/config/tests/fixtures/presets/), and the bar must show that cart's
// subtotal after discounts.

import { test, expect, expectCleanConsole, expectNoAxeViolations, expectBar, barState, fmt, sfEvents, waitForReady } from "./fixtures";

const THRESHOLD = 15000;

// Subtotals after discounts, in cents, as each platform states them in its fixture:
// Shopify total_price, Shopware price.totalPrice (94.65), WooCommerce totals.total_price.
const CASES = [
  { preset: "shopify", path: "/cart.js", subtotal: 10380 },
  { preset: "shopware6", path: "/store-api/checkout/cart", subtotal: 9465 },
  { preset: "woocommerce", path: "/wp-json/wc/store/v1/cart", subtotal: 8190 },
];

for (const c of CASES) {
  test(`The ${c.preset} preset reads the platform's cart into the shipping bar`, async ({ page, consoleLog }) => {
    const requests: { url: string; headers: Record<string, string> }[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === c.path) requests.push({ url: r.url(), headers: r.headers() });
    });
    await page.goto(`/test/preset.html?preset=${c.preset}`);
    const percent = Math.floor((c.subtotal * 100) / THRESHOLD);
    await expectBar(page, { state: "progress", valuenow: String(percent) });
    const shown = await barState(page);
    expect(shown.message).toContain(fmt(THRESHOLD - c.subtotal, "EUR", "de-DE"));

    // The cart came from the platform's own path on the page's origin, in exactly one request
    // (configure() before the elements are defined mounts each element once); Shopware's with
    // the headers the storefront passed.
    expect(requests.length).toBe(1);
    for (const r of requests) {
      expect(new URL(r.url).origin).toBe(new URL(page.url()).origin);
      if (c.preset === "shopware6") {
        expect(r.headers["sw-access-key"]).toBe("SWSCKOFFERKONTORTEST00000");
        expect(r.headers["sw-context-token"]).toBe("e2e-context-token");
      }
    }
    await expectNoAxeViolations(page, `${c.preset} preset`);
    expectCleanConsole(consoleLog);
  });
}

test("Without the access key Shopware refuses the cart: the bar falls back and reports sf:error", async ({ page, consoleLog }) => {
  // The same page, but the access key is stripped from the request on its way out; the
  // backend answers 401 as Shopware does.
  await page.route("**/store-api/checkout/cart", async (route) => {
    const headers = { ...route.request().headers() };
    delete headers["sw-access-key"];
    await route.continue({ headers });
  });
  await page.goto("/test/preset.html?preset=shopware6");
  await waitForReady(page);
  await expectBar(page, { state: "error", message: "Versandkosten werden im Warenkorb berechnet." });
  const errors = await sfEvents(page, "sf:error");
  expect(errors.map((e) => [e.target, e.detail.kind])).toEqual([["sf-shipping-bar", "http-401"]]);
  const unexpected = consoleLog.filter((e) => !(e.text.includes("status of 401") && new URL(e.url).pathname === "/store-api/checkout/cart"));
  expect(unexpected).toEqual([]);
});
