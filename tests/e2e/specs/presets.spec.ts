// Platform presets end to end: /test/preset.html?preset=… configures only `"preset"` (plus a
// 150 € free-shipping tier with suggestions that name no source and, for Shopware, its two
// headers); the reference backend (started with --faults) answers the platform's cart and
// product paths with the documented fixtures that the native tests read too
// (crates/config/tests/fixtures/presets/). The bar must show that cart's subtotal after
// discounts and suggest the platform's products that close the gap.

import { test, expect, expectCleanConsole, expectNoAxeViolations, expectBar, barState, bar, fmt, norm, sfEvents, waitForReady } from "./fixtures";

const THRESHOLD = 15000;

// Subtotals after discounts, in cents, as each platform states them in its fixture:
// Shopify total_price, Shopware price.totalPrice (94.65), WooCommerce totals.total_price.
// Suggestions: products that close the gap on their own (cheapest first), then the dearest
// below it; never one that is unavailable or already in the cart.
const CASES = [
  {
    preset: "shopify",
    path: "/cart.js",
    subtotal: 10380,
    // Recommendations for the cart's first product; the unavailable wash bag is left out.
    products: "/recommendations/products.json",
    query: { product_id: "8123456789012", limit: "10" },
    suggested: [["Packwürfel-Set, 4-teilig", 4900], ["Handgepäck-Trolley Lissabon", 12900], ["Kofferwaage digital", 2990]],
  },
  {
    preset: "shopware6",
    path: "/store-api/checkout/cart",
    subtotal: 9465,
    // The Weekender is in the cart, the trolley sold out.
    products: "/store-api/product",
    query: { limit: "100" },
    suggested: [["Rucksack Fjell 20 l", 5990], ["Kulturtasche Organizer", 2495]],
  },
  {
    preset: "woocommerce",
    path: "/wp-json/wc/store/v1/cart",
    subtotal: 8190,
    // The travel pillow is in the cart, the luggage scale out of stock.
    products: "/wp-json/wc/store/v1/products",
    query: { per_page: "100" },
    suggested: [["Kompressions-Packsack-Set", 7500], ["Kabinentrolley Fjord", 9900], ["Reisehandtuch Mikrofaser", 3900]],
  },
] as const;

for (const c of CASES) {
  test(`The ${c.preset} preset reads the platform's cart into the shipping bar and suggests its products`, async ({ page, consoleLog }) => {
    const requests: { url: string; headers: Record<string, string> }[] = [];
    const productRequests: { url: string; headers: Record<string, string> }[] = [];
    page.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      if (path === c.path) requests.push({ url: r.url(), headers: r.headers() });
      if (path === c.products) productRequests.push({ url: r.url(), headers: r.headers() });
    });
    await page.goto(`/test/preset.html?preset=${c.preset}`);
    const percent = Math.floor((c.subtotal * 100) / THRESHOLD);
    await expectBar(page, { state: "progress", valuenow: String(percent) });
    const shown = await barState(page);
    expect(shown.message).toContain(fmt(THRESHOLD - c.subtotal, "EUR", "de-DE"));

    // The platform's products, read through the preset's pointers and money format.
    const buttons = bar.suggestions(page);
    await expect(buttons).toHaveCount(c.suggested.length);
    const got = await buttons.evaluateAll((els) => els.map((b) => [b.querySelector(".name")?.textContent, b.querySelector(".price")?.textContent]));
    expect(got.map(([name, price]) => [name, norm(price)])).toEqual(c.suggested.map(([name, cents]) => [name, fmt(cents, "EUR", "de-DE")]));

    // Cart and products came from the platform's own paths on the page's origin, each in
    // exactly one request (configure() before the elements are defined mounts each element
    // once); Shopware's with the headers the storefront passed.
    expect(requests.length).toBe(1);
    expect(productRequests.length).toBe(1);
    expect(Object.fromEntries(new URL(productRequests[0].url).searchParams)).toEqual(c.query);
    for (const r of [...requests, ...productRequests]) {
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

// The advisor's catalogue from the platform's product list (Shopware 6, WooCommerce): one
// question "up to 80 €" narrows it to the platform's products in that budget, the sold-out one
// last (out_of_stock "last"), prices read through the preset's money format.
const CATALOGUES = [
  { preset: "shopware6", path: "/store-api/product", inBudget: [["Kulturtasche Organizer", 2495], ["Rucksack Fjell 20 l", 5990]], soldOut: ["Trolley Bergen M", 7900] },
  { preset: "woocommerce", path: "/wp-json/wc/store/v1/products", inBudget: [["Kompressions-Packsack-Set", 7500], ["Reisehandtuch Mikrofaser", 3900], ["Reisekissen Wolke", 1800]], soldOut: ["Hängewaage für Gepäck", 6900] },
] as const;

for (const c of CATALOGUES) {
  test(`The ${c.preset} preset gives the advisor the platform's product list`, async ({ page, consoleLog }) => {
    await page.goto(`/test/preset.html?preset=${c.preset}&advisor`);
    const root = page.locator("sf-advisor [part=root]");
    await expect(root).toHaveAttribute("data-state", "ready");
    await page.locator("sf-advisor label.option").filter({ hasText: "bis 80 €" }).click();
    await page.locator("sf-advisor button[data-action=next]").click();
    const cards = page.locator("sf-advisor li[part=result]");
    await expect(cards).toHaveCount(c.inBudget.length + 1);
    const shown = (await cards.evaluateAll((els) => els.map((e) => [e.querySelector(".name")?.textContent, e.querySelector(".price")?.textContent]))).map(([n, p]) => [n, norm(p)]);
    // Products in stock first (their order is the engine's tie-break), the sold-out one last.
    const expected = (list: readonly (readonly [string, number])[]) => list.map(([n, cents]) => [n, fmt(cents, "EUR", "de-DE")]);
    expect(shown.slice(0, -1).sort()).toEqual(expected(c.inBudget).sort());
    expect(shown.at(-1)).toEqual(expected([c.soldOut])[0]);
    await expectNoAxeViolations(page, `${c.preset} advisor`);
    expectCleanConsole(consoleLog);
  });
}

test("Shopify's Ajax API has no product list: an advisor without a source is a config error at its path, the bar still works", async ({ page, consoleLog }) => {
  await page.goto("/test/preset.html?preset=shopify&advisor");
  await expectBar(page, { state: "progress", valuenow: String(Math.floor((10380 * 100) / THRESHOLD)) });
  await expect(page.locator("sf-advisor [part=root]")).toHaveCount(0);
  const errors = consoleLog.filter((e) => e.type === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0].text).toMatch(/^Schaufenster: schaufenster\.json has 1 problem \(<sf-advisor> disabled; the other widgets work\):/);
  expect(errors[0].text).toContain("$.advisor.catalogue.source");
  expect(errors[0].text).toContain("the platform's storefront API has no product list: add \"url\" or \"inline\"");
});
