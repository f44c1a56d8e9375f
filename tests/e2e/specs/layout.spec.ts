// Layout: no shift when the wasm arrives, 320 px wide works, and the README screenshot.

import * as fs from "node:fs";
import * as path from "node:path";
import {
  test, expect, expectCleanConsole, expectNoAxeViolations, expectBar, waitForReady, apiAdd, bar, GRID_PRODUCTS,
} from "./fixtures";

async function settle(page: import("@playwright/test").Page) {
  // Two animation frames after the last change, so pending layout-shift entries are delivered.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

async function cls(page: import("@playwright/test").Page) {
  return page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
}

test("The page does not shift when the widget arrives (empty cart)", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { state: "progress", message: "Versandkostenfrei ab 50,00 € – jetzt stöbern!" });
  await settle(page);
  expect(await cls(page)).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});

test("The page does not shift when the widget arrives with suggestions (cart in progress)", async ({ page, consoleLog }) => {
  await page.goto("/");
  await apiAdd(page, "kulturbeutel");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { message: "Noch 20,10 € bis zum kostenlosen Versand" });
  await expect(bar.suggestions(page).first()).toBeVisible();
  await settle(page);
  expect(await cls(page)).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});

for (const lines of [0, 1, 3]) {
  test(`The cart page does not shift when its ${lines} line(s) and the bar arrive`, async ({ page, consoleLog }) => {
    await page.goto("/");
    for (const id of ["reiserucksack-40", "kulturbeutel", "reisesocken"].slice(0, lines)) await apiAdd(page, id);
    await page.goto("/cart.html");
    await waitForReady(page);
    await expect(page.locator("[data-cart]")).toHaveAttribute("aria-busy", "false");
    await expect(page.locator("[data-line]")).toHaveCount(lines);
    // The checkout button is there only for a cart with lines (it used to show on an empty cart,
    // and to move down when the lines arrived).
    await expect(page.locator("[data-checkout]")).toBeVisible({ visible: lines > 0 });
    await settle(page);
    expect(await cls(page)).toEqual({ cls: 0, shifts: [] });
    expectCleanConsole(consoleLog);
  });
}

test("The English page does not shift when its texts are translated (320 px)", async ({ page, consoleLog }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/?lang=en");
  await apiAdd(page, "kulturbeutel");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { message: "€20.10 away from free shipping" });
  await settle(page);
  expect(await cls(page)).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});

test("The page does not shift when the widget arrives with a gift-card note", async ({ page, consoleLog }) => {
  await page.goto("/");
  await apiAdd(page, "gutschein-25");
  await apiAdd(page, "kulturbeutel");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { message: "Noch 20,10 € bis zum kostenlosen Versand", note: "Gutscheine (25,00 €) zählen nicht mit." });
  await settle(page);
  expect(await cls(page)).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});

test("The page does not shift at 320 px when free shipping is reached and the gift is next", async ({ page, consoleLog }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  await apiAdd(page, "daypack");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { message: "Kostenloser Versand ist dabei! Noch 41,00 € bis zu deinem Gratis-Geschenk" });
  await settle(page);
  expect(await cls(page)).toEqual({ cls: 0, shifts: [] });
  expectCleanConsole(consoleLog);
});

test("At 320 px wide nothing overflows horizontally on the shop and the cart page", async ({ page, consoleLog }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  await apiAdd(page, "kulturbeutel");
  await apiAdd(page, "packwuerfel-set");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { state: "progress" });
  await expect(bar.suggestions(page).first()).toBeVisible();
  const widths = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  let w = await widths();
  expect(w.scroll, "shop page scrollWidth").toBeLessThanOrEqual(w.client);
  const box = await bar.root(page).boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, "320 px shop");

  await page.goto("/cart.html");
  await waitForReady(page);
  await expect(page.locator("[data-line]")).toHaveCount(2);
  w = await widths();
  expect(w.scroll, "cart page scrollWidth").toBeLessThanOrEqual(w.client);
  // The "+" is not covered by the line total: a click at its centre reaches it.
  const first = page.locator("[data-line]").first();
  await first.locator("button[data-more]").click({ timeout: 5_000 });
  await expect(first.locator("[data-qty]")).toHaveText("2");
  await expectNoAxeViolations(page, "320 px cart");
  expectCleanConsole(consoleLog);
});

test("A screenshot of the German shop with the bar in progress is saved for the README", async ({ page, consoleLog }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto("/");
  await apiAdd(page, "kulturbeutel");
  await apiAdd(page, "kofferwaage");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, { message: "Noch 7,20 € bis zum kostenlosen Versand" });
  await expect(bar.suggestions(page).first()).toBeVisible();
  // Lazy product images: scroll them all in and wait for them before a full-page shot.
  await page.evaluate(() => document.querySelectorAll("img").forEach((i) => ((i as HTMLImageElement).loading = "eager")));
  await expect.poll(() => page.evaluate(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
  await page.locator("body").evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const artifacts = path.join(__dirname, "..", "artifacts");
  fs.mkdirSync(artifacts, { recursive: true });
  const full = path.join(artifacts, "shipping-bar-de.png");
  await page.screenshot({ path: full, fullPage: true, animations: "disabled" });
  expect(fs.statSync(full).size).toBeGreaterThan(10_000);

  // The README image: the first screen (header, bar, first products), kept small. Written to
  // docs/ only with SF_UPDATE_SCREENSHOT=1, so a test run never changes a tracked file.
  const docs = process.env.SF_UPDATE_SCREENSHOT ? path.resolve(__dirname, "..", "..", "..", "docs") : artifacts;
  fs.mkdirSync(docs, { recursive: true });
  const readme = path.join(docs, "screenshot.png");
  await page.screenshot({ path: readme, fullPage: false, animations: "disabled" });
  expect(fs.statSync(readme).size).toBeLessThan(300_000);
  expectCleanConsole(consoleLog);
});
