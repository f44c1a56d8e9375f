// Social-proof badges (<sf-social-proof>) on the demo storefront against the reference backend.
//
// The backend's database is shared by every test of the run (one in-memory SQLite), and
// purchases, carts and views are global across visitors. So each test works on its own product
// and never relies on absolute counts it did not establish itself: it reads the current numbers
// from GET /api/social-proof first and asserts relative to them. Products used here:
//   reisesocken          checkout → purchase badge          (nobody else buys or carts it)
//   nackenkissen         below every threshold              (3 reviews, stock 64, no events)
//   handgepaeck-trolley  low stock (seeded 3)               (never bought by any test)
//   reiserucksack-40     rating 4.1 / 60 reviews, disclosure, stale fault, layout
//   gepaeckanhaenger     English plural "one"/"other"       (purchases seeded here only)
// Test-only time control: POST /api/_test/events inserts events with fresh visitor ids.

import type { Page, APIRequestContext } from "@playwright/test";
import { test, expect, expectCleanConsole, expectNoAxeViolations, sfEvents, setFault, norm, GRID_PRODUCTS } from "./fixtures";

const PURCHASE_THRESHOLD = 3; // the default rule of the demo config

interface ProductStats {
  purchases: number;
  carts: number;
  viewers: number;
  stock: number;
  rating?: { average: number; count: number };
  bestseller?: { category: string; rank: number };
}

/** The backend's current numbers of one product. */
async function stats(request: APIRequestContext, id: string): Promise<ProductStats> {
  const res = await request.get(`/api/social-proof?products=${id}&window=1440&locale=de`);
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.products[id], `stats of ${id}`).toBeTruthy();
  return body.products[id];
}

/** Inserts `count` events of `kind` for `id` (fresh visitor ids, now). */
async function seed(request: APIRequestContext, id: string, kind: "purchase" | "cart" | "view", count: number) {
  if (count <= 0) return;
  const res = await request.post("/api/_test/events", { data: { product_id: id, kind, count, minutes_ago: 0 } });
  expect(res.status(), await res.text()).toBe(201);
}

const proof = (page: Page, id: string) => page.locator(`sf-social-proof[product="${id}"]`);
const root = (page: Page, id: string) => proof(page, id).locator("[part=root]");
const badge = (page: Page, id: string, kind?: string) => proof(page, id).locator(kind ? `li[part=badge][data-kind=${kind}]` : "li[part=badge]");
const howButton = (page: Page, id: string) => proof(page, id).locator("button[part=how]");

/** The badges an element shows now: kind and normalised text. */
async function shown(page: Page, id: string): Promise<{ kind: string | null; text: string }[]> {
  return badge(page, id).evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute("data-kind"), text: e.textContent || "" }))).then((l) => l.map((b) => ({ kind: b.kind, text: norm(b.text) })));
}

/** Waits until every <sf-social-proof> on the page has reported sf:ready. */
async function waitForBadges(page: Page, count = 1) {
  await expect
    .poll(async () => (await sfEvents(page, "sf:ready")).filter((e) => e.detail?.widget === "social-proof").length, { message: "social-proof sf:ready" })
    .toBeGreaterThanOrEqual(count);
}

async function openProduct(page: Page, id: string, lang: "de" | "en" = "de") {
  await page.goto(`/product.html?id=${id}${lang === "en" ? "&lang=en" : ""}`);
  await expect(page.locator("[data-detail]")).toHaveAttribute("aria-busy", "false");
  await waitForBadges(page);
}

/** Puts the product into the cart on its product page and orders it in the demo checkout. */
async function buyInDemoCheckout(page: Page, id: string) {
  await openProduct(page, id);
  await page.locator(`button[data-add="${id}"]`).click();
  await expect(page.locator("header [data-cart-count]")).toHaveText("1");
  await page.goto("/cart.html");
  await page.getByRole("button", { name: "Zahlungspflichtig bestellen" }).click();
  await expect(page.getByRole("heading", { name: "Vielen Dank für deine Bestellung!" })).toBeFocused();
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

function purchasesDe(n: number) {
  return n === 1 ? "1 Person hat das in den letzten 24 Stunden gekauft" : `${n} Personen haben das in den letzten 24 Stunden gekauft`;
}

test("Buying a product in the demo checkout makes its purchase badge appear and count up when another shopper buys it", async ({ page, browser, consoleLog }) => {
  const id = "reisesocken";
  // Seed recent purchases just below the threshold, so the real checkout is the one that
  // crosses it (on a reused dev server the count may already be higher: then it counts up).
  const before = (await stats(page.request, id)).purchases;
  await seed(page.request, id, "purchase", PURCHASE_THRESHOLD - 1 - before);
  const base = Math.max(before, PURCHASE_THRESHOLD - 1);
  test.skip(base + 2 >= 20, "the purchase count is past exact numbers on this (reused) server");

  await openProduct(page, id);
  if (base < PURCHASE_THRESHOLD) await expect(badge(page, id, "purchases")).toHaveCount(0);

  await buyInDemoCheckout(page, id);
  await openProduct(page, id);
  await expect(badge(page, id, "purchases")).toHaveText(purchasesDe(base + 1));
  expect((await stats(page.request, id)).purchases).toBe(base + 1);

  // The badge counts people: another shopper (another browser, another visitor id) buys it.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const shopper = await other.newPage();
  await shopper.goto(`/product.html?id=${id}`);
  await expect(shopper.locator("[data-detail]")).toHaveAttribute("aria-busy", "false");
  await shopper.locator(`button[data-add="${id}"]`).click();
  await expect(shopper.locator("header [data-cart-count]")).toHaveText("1");
  await shopper.goto("/cart.html");
  await shopper.getByRole("button", { name: "Zahlungspflichtig bestellen" }).click();
  await expect(shopper.getByRole("heading", { name: "Vielen Dank für deine Bestellung!" })).toBeFocused();
  await other.close();
  await openProduct(page, id);
  await expect(badge(page, id, "purchases")).toHaveText(purchasesDe(base + 2));
  await expect(root(page, id)).toHaveAttribute("data-state", "ready");
  await expectNoAxeViolations(page, "product page with purchase badge");
  expectCleanConsole(consoleLog);
});

test("The product grid asks for the numbers of all cards in exactly one request", async ({ page, consoleLog }) => {
  const requests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/social-proof") requests.push(r.url());
  });
  await page.goto("/");
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expect(page.locator("[data-product] sf-social-proof")).toHaveCount(GRID_PRODUCTS);
  await waitForBadges(page, 15);
  // Well past the widget's batching tick, far below the 30 s refresh.
  await page.waitForTimeout(1000);
  expect(requests).toHaveLength(1);
  const url = new URL(requests[0]);
  const ids = await page.locator("[data-product]").evaluateAll((els) => els.map((e) => e.getAttribute("data-product")));
  expect(url.searchParams.get("products")!.split(",")).toEqual([...ids].sort());
  expect(url.searchParams.get("window")).toBe("1440");
  expect(url.searchParams.get("locale")).toBe("de");
  // The cards link to their product pages.
  await expect(page.locator('[data-product="daypack"] h3 a')).toHaveAttribute("href", "/product.html?id=daypack");
  await expectNoAxeViolations(page, "grid with badges");
  expectCleanConsole(consoleLog);
});

test("A product below every threshold shows no badge and no how-we-count button", async ({ page, consoleLog }) => {
  const id = "nackenkissen";
  const s = await stats(page.request, id);
  // Guard: the seed data keeps this product below every default rule.
  expect(s.purchases).toBeLessThan(3);
  expect(s.carts).toBeLessThan(5);
  expect(s.stock).toBeGreaterThan(5);
  expect(s.rating?.count ?? 0).toBeLessThan(5);
  expect(s.bestseller).toBeUndefined();

  await openProduct(page, id);
  await expect(root(page, id)).toHaveAttribute("data-state", "empty");
  await expect(badge(page, id)).toHaveCount(0);
  await expect(howButton(page, id)).toBeHidden();
  await expect(proof(page, id).locator("[part=disclosure]")).toBeHidden();
  expect((await sfEvents(page, "sf:error")).length).toBe(0);
  await expectNoAxeViolations(page, "product page without badges");
  expectCleanConsole(consoleLog);
});

test("A product with little stock says how many are left, in German and in English", async ({ page, consoleLog }) => {
  const id = "handgepaeck-trolley";
  // No test buys this product, but read the stock rather than assume the seed's 3.
  const { stock } = await stats(page.request, id);
  expect(stock).toBeGreaterThan(0);
  expect(stock).toBeLessThanOrEqual(5);

  await openProduct(page, id);
  await expect(badge(page, id, "low_stock")).toHaveText(`Nur noch ${stock} Stück auf Lager`);
  // Low stock has the highest priority: it comes first.
  await expect(badge(page, id).first()).toHaveAttribute("data-kind", "low_stock");

  await openProduct(page, id, "en");
  await expect(badge(page, id, "low_stock")).toHaveText(`Only ${stock} left in stock`);
  await expectNoAxeViolations(page, "English product page with low stock");
  expectCleanConsole(consoleLog);
});

test("The rating badge reads as text while its stars are hidden from assistive technology", async ({ page, consoleLog }) => {
  const id = "reiserucksack-40";
  const s = await stats(page.request, id);
  expect(s.rating).toEqual({ average: 4.1, count: 60 });

  await openProduct(page, id);
  const rating = badge(page, id, "rating");
  await expect(rating).toHaveText("4,1 von 5 Sternen, 60 Bewertungen");
  const stars = rating.locator(".stars");
  await expect(stars).toHaveAttribute("aria-hidden", "true");
  await expect(stars).toBeVisible();
  // What a screen reader gets: the sentence, no star characters.
  const aria = await proof(page, id).locator("[part=badges]").ariaSnapshot();
  expect(aria).toContain("4,1 von 5 Sternen, 60 Bewertungen");
  expect(aria).not.toContain("★");
  await expectNoAxeViolations(page, "rating badge");
  expectCleanConsole(consoleLog);
});

test("English badges use English numbers and plurals", async ({ page, consoleLog }) => {
  const rated = "reiserucksack-40";
  await openProduct(page, rated, "en");
  await expect(badge(page, rated, "rating")).toHaveText("4.1 of 5 stars, 60 reviews");
  await expect(howButton(page, rated)).toHaveText("How we count");

  // "one" needs a count of 1, below the demo's purchase threshold of 3: for this test only the
  // config is served with purchases.threshold 1 (the numbers still come from the backend).
  await page.route("**/schaufenster.json", async (route) => {
    const res = await route.fetch();
    const config = await res.json();
    config.social_proof.badges = { purchases: { threshold: 1 } };
    await route.fulfill({ response: res, json: config });
  });
  const id = "gepaeckanhaenger";
  const before = (await stats(page.request, id)).purchases;
  if (before === 0) {
    await seed(page.request, id, "purchase", 1);
    await openProduct(page, id, "en");
    await expect(badge(page, id, "purchases")).toHaveText("1 person bought this in the last 24 hours");
  } else {
    test.info().annotations.push({ type: "note", description: `${id} already had ${before} purchases (reused server): "one" not checked` });
  }
  await seed(page.request, id, "purchase", 2);
  const now = Math.max(before, 1) + 2;
  test.skip(now >= 20, "the purchase count is past exact numbers on this (reused) server");
  await openProduct(page, id, "en");
  await expect(badge(page, id, "purchases")).toHaveText(`${now} people bought this in the last 24 hours`);
  await expectNoAxeViolations(page, "English badges");
  expectCleanConsole(consoleLog);
});

test("The how-we-count button opens and closes its explanation by keyboard", async ({ page, consoleLog }) => {
  const id = "reiserucksack-40";
  await openProduct(page, id);
  await expect(badge(page, id, "rating")).toBeVisible();
  const button = howButton(page, id);
  const panel = proof(page, id).locator("[part=disclosure]");
  await expect(button).toHaveText("So zählen wir");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  expect(await button.getAttribute("aria-controls")).toBe(await panel.getAttribute("id"));

  // The button comes right after the buy button in the tab order.
  await page.locator(`button[data-add="${id}"]`).focus();
  await page.keyboard.press("Tab");
  await expect(button).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Wir zählen nur echte Käufe");
  await expectNoAxeViolations(page, "disclosure open");

  await page.keyboard.press("Space");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await page.keyboard.press("Space");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(button).toBeFocused();
  expectCleanConsole(consoleLog);
});

test("Stale stats show nothing and fire sf:error with kind stale", async ({ page, consoleLog }) => {
  const id = "reiserucksack-40";
  await openProduct(page, id);
  await expect(badge(page, id, "rating")).toBeVisible();
  // Only this visitor's stats are dated an hour back (the demo allows 10 minutes).
  await setFault(page, { mode: "stale", delay_ms: 3_600_000, path_prefix: "/api/social-proof" });
  await page.reload();
  await expect(page.locator("[data-detail]")).toHaveAttribute("aria-busy", "false");
  await waitForBadges(page);
  await expect(root(page, id)).toHaveAttribute("data-state", "stale");
  await expect(badge(page, id)).toHaveCount(0);
  await expect(howButton(page, id)).toBeHidden();
  const errors = await sfEvents(page, "sf:error");
  expect(errors).toHaveLength(1);
  expect(errors[0].target).toBe("sf-social-proof");
  expect(errors[0].detail).toMatchObject({ widget: "social-proof", kind: "stale", product: id });
  expect(errors[0].detail.message).toContain("60 minutes old");
  expect(new URL(errors[0].detail.url, "http://x").pathname).toBe("/api/social-proof");
  await expectNoAxeViolations(page, "stale stats");
  expectCleanConsole(consoleLog);
});

const HOSTILE_CATEGORY = "<img src=x onerror=alert(1)><script>alert(2)</script>"; // as in the fixture
const HOSTILE = ["hostile-strings", "hostile-nulls", "hostile-negative", "hostile-huge", "hostile-html", "hostile-missing"];

/** Every element of every shadow root of the page's badges: no injected markup. */
async function injected(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("sf-social-proof")).flatMap((e) =>
      Array.from(e.shadowRoot?.querySelectorAll("img, script, iframe, object, embed, svg, a, [onerror], [onload], [style*=url]") ?? []).map((n) => `${e.getAttribute("product")}: ${n.outerHTML}`),
    ),
  );
}

test("Undated hostile stats show nothing and every element reports them as stale", async ({ page, consoleLog }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("/test/social-proof-hostile.html");
  await waitForBadges(page, HOSTILE.length);
  for (const id of HOSTILE) {
    await expect(root(page, id)).toHaveAttribute("data-state", "stale");
    await expect(badge(page, id)).toHaveCount(0);
  }
  const errors = await sfEvents(page, "sf:error");
  expect(errors.map((e) => e.detail.product).sort()).toEqual([...HOSTILE].sort());
  for (const e of errors) {
    expect(e.detail).toMatchObject({ widget: "social-proof", kind: "stale" });
    expect(e.detail.message).toContain("no generated_at");
  }
  expect(await injected(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  await expectNoAxeViolations(page, "hostile stats, stale");
  expectCleanConsole(consoleLog);
});

test("Fresh hostile stats show nothing false, inject no markup and name each problem in sf:error", async ({ page, consoleLog }) => {
  // A static fixture cannot carry a fresh generated_at. Only for this fixture URL the test
  // fetches the real file from the server and stamps the current time into it; everything else
  // (strings, nulls, negative and huge numbers, HTML) is served exactly as in the file.
  await page.route("**/test/social-proof-hostile.json?*", async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.generated_at = Date.now();
    await route.fulfill({ response: res, json: body });
  });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("/test/social-proof-hostile.html");
  await waitForBadges(page, HOSTILE.length);
  const errors = await sfEvents(page, "sf:error");
  const errorOf = (id: string) => errors.filter((e) => e.detail.product === id);

  // Numbers sent as strings are not read as numbers.
  await expect(badge(page, "hostile-strings")).toHaveCount(0);
  expect(errorOf("hostile-strings")).toHaveLength(1);
  expect(errorOf("hostile-strings")[0].detail).toMatchObject({ widget: "social-proof", kind: "bad-stats" });
  expect(errorOf("hostile-strings")[0].detail.message).toContain('purchases of "hostile-strings" is "25", not a whole number');

  // null means "not sent": nothing shown and nothing to report.
  await expect(root(page, "hostile-nulls")).toHaveAttribute("data-state", "empty");
  expect(errorOf("hostile-nulls")).toHaveLength(0);

  // Negative counts are rejected.
  await expect(badge(page, "hostile-negative")).toHaveCount(0);
  expect(errorOf("hostile-negative")).toHaveLength(1);
  expect(errorOf("hostile-negative")[0].detail.kind).toBe("bad-stats");
  expect(errorOf("hostile-negative")[0].detail.message).toContain("purchases is negative (-25)");

  // Huge and fractional numbers are not whole numbers the widget can trust.
  await expect(badge(page, "hostile-huge")).toHaveCount(0);
  expect(errorOf("hostile-huge")).toHaveLength(1);
  expect(errorOf("hostile-huge")[0].detail.kind).toBe("bad-stats");
  expect(errorOf("hostile-huge")[0].detail.message).toContain("purchases of \"hostile-huge\" is 1e15+, not a whole number");

  // A product absent from the answer shows nothing.
  await expect(root(page, "hostile-missing")).toHaveAttribute("data-state", "empty");

  // HTML in a category name stays text: no element is created from it, no script runs.
  // (That it is shown at all, without an sf:error, is a known widget gap: see the next test.)
  for (const b of await shown(page, "hostile-html")) expect(b).toEqual({ kind: "bestseller", text: `Bestseller in ${HOSTILE_CATEGORY}` });
  expect(await injected(page)).toEqual([]);
  expect(dialogs).toEqual([]);

  // Nothing false anywhere else: no badge at all, so no number at all.
  for (const id of HOSTILE.filter((i) => i !== "hostile-html")) await expect(badge(page, id), id).toHaveCount(0);
  await expectNoAxeViolations(page, "hostile stats, fresh");
  expectCleanConsole(consoleLog);
});

// A category with markup means a broken or hostile feed: the rules leave the badge out and say so.
test("A category name containing HTML is not shown and is named in an sf:error", async ({ page }) => {
  await page.route("**/test/social-proof-hostile.json?*", async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.generated_at = Date.now();
    await route.fulfill({ response: res, json: body });
  });
  await page.goto("/test/social-proof-hostile.html");
  await waitForBadges(page, HOSTILE.length);
  await expect(badge(page, "hostile-html"), "no badge from a category with markup").toHaveCount(0, { timeout: 2000 });
  const errors = (await sfEvents(page, "sf:error")).filter((e) => e.detail.product === "hostile-html");
  expect(errors, "sf:error naming the category").toHaveLength(1);
  expect(errors[0].detail.message).toContain("category");
});

test("The product page does not shift when its badges arrive", async ({ page, consoleLog }) => {
  const id = "handgepaeck-trolley"; // low stock and rating: two badges and the button
  await openProduct(page, id);
  await expect(badge(page, id)).toHaveCount(2);
  await expect(howButton(page, id)).toBeVisible();
  await settle(page);
  expect(await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }))).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});

test("The cart takes no more than the stock: adding or raising past it says so", async ({ page, consoleLog }) => {
  const id = "kofferwaage"; // stock 4, carted by other tests but never bought
  await openProduct(page, id);
  const title = (await page.locator("[data-detail] h1").textContent())!.trim();
  const add = page.locator(`button[data-add="${id}"]`);
  for (let n = 1; n <= 4; n++) {
    await add.click();
    await expect(page.locator("header [data-cart-count]")).toHaveText(String(n));
  }
  await add.click();
  await expect(page.locator("[data-error]")).toHaveText(`Mehr ${title} haben wir gerade nicht auf Lager.`);
  await expect(page.locator("header [data-cart-count]")).toHaveText("4");
  // In the cart, "+" on the full line says the same and keeps the quantity.
  await page.goto("/cart.html");
  const line = page.locator(`[data-line="${id}"]`);
  await line.locator("button[data-more]").click();
  await expect(page.locator("[data-error]")).toHaveText(`Mehr ${title} haben wir gerade nicht auf Lager.`);
  await expect(line.locator("[data-qty]")).toHaveText("4");
  await expectNoAxeViolations(page, "cart at the stock limit");
  // The two refused requests (409) are the only console lines.
  const refused = consoleLog.filter((e) => e.type === "error" && e.text.includes("status of 409"));
  expect(refused).toHaveLength(2);
  expectCleanConsole(consoleLog.filter((e) => !refused.includes(e)));
});

test("The product page does not shift at 320 px when its badges arrive", async ({ page, consoleLog }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const id = "reiserucksack-40";
  await openProduct(page, id, "en");
  await expect(badge(page, id, "rating")).toBeVisible();
  await settle(page);
  expect(await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }))).toEqual({ cls: 0, shifts: [] });
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(w.scroll).toBeLessThanOrEqual(w.client);
  expectCleanConsole(consoleLog);
});

test("The product grid does not shift when the badges of its cards arrive", async ({ page, consoleLog }) => {
  await page.goto("/");
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await waitForBadges(page, 15);
  // The first row shows badges (low stock and ratings of the seed data).
  await expect(badge(page, "handgepaeck-trolley", "low_stock")).toBeVisible();
  await expect(badge(page, "koffer-m", "rating")).toBeVisible();
  await settle(page);
  expect(await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }))).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});
