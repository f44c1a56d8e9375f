// Backend failures: the bar falls back to a neutral message, reports `sf:error`, never throws
// into the page and never leaves a spinner. Faults are injected per visitor cookie on the
// reference backend (PUT /api/_faults), for GET requests under /api/cart only.

import {
  test, expect, expectNoAxeViolations, expectBar, waitForReady, sfEvents, bar, setFault, type ConsoleEntry, GRID_PRODUCTS,
} from "./fixtures";

const FALLBACK_DE = "Versandkosten werden im Warenkorb berechnet.";

/** Only Chromium's own "Failed to load resource" lines for the faulty cart URL are allowed. */
function expectOnlyFailedLoads(log: ConsoleEntry[], status: number) {
  const unexpected = log.filter(
    (e) => !(e.type === "error" && e.text.startsWith(`Failed to load resource: the server responded with a status of ${status}`) && new URL(e.url).pathname === "/api/cart"),
  );
  expect(unexpected, "console entries other than the failed /api/cart loads").toEqual([]);
  expect(log.filter((e) => e.type === "pageerror"), "uncaught exceptions").toEqual([]);
}

test("A 500 from the cart API shows the fallback message and an sf:error with kind http-500", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await setFault(page, { mode: "error", status: 500, path_prefix: "/api/cart" });
  await page.reload();
  await waitForReady(page);
  await expectBar(page, { state: "error", message: FALLBACK_DE });
  await expect(bar.track(page)).toBeHidden();
  const errors = await sfEvents(page, "sf:error");
  expect(errors).toHaveLength(1);
  expect(errors[0].target).toBe("sf-shipping-bar");
  expect(errors[0].detail).toMatchObject({ widget: "shipping-bar", kind: "http-500" });
  expect(new URL(errors[0].detail.url, "http://x").pathname).toBe("/api/cart");
  expect(errors[0].detail.message).toContain("3 attempts");
  // The rest of the page keeps working.
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectNoAxeViolations(page, "backend 500 fallback");
  // Three attempts by the widget (1 + 2 retries) and one by the page's header count.
  expect(consoleLog.length).toBe(4);
  expectOnlyFailedLoads(consoleLog, 500);
});

test("A cart API that does not answer in time shows the fallback after the retries and an sf:error with kind timeout", async ({ page, consoleLog }) => {
  // The config allows 4 s per attempt and 2 retries (300 ms, 600 ms back-off): the fallback
  // must appear after about 12.9 s, bounded well below the test timeout. The backend holds
  // each answer 5 s, longer than the widget waits.
  test.setTimeout(40_000);
  await page.goto("/");
  await waitForReady(page);
  await setFault(page, { mode: "timeout", delay_ms: 5000, path_prefix: "/api/cart" });
  const started = Date.now();
  await page.reload();
  await expectBar(page, { state: "loading" });
  await expect(bar.root(page)).toHaveAttribute("data-state", "error", { timeout: 20_000 });
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThan(11_000);
  expect(elapsed).toBeLessThan(18_000);
  await expectBar(page, { state: "error", message: FALLBACK_DE });
  await expect(bar.track(page)).toBeHidden();
  const errors = await sfEvents(page, "sf:error");
  expect(errors.map((e) => e.detail.kind)).toEqual(["timeout"]);
  expect(errors[0].detail.message).toContain("3 attempts");
  // One sf:ready of the bar (the product cards' social-proof badges send their own).
  expect((await sfEvents(page, "sf:ready")).filter((e) => e.target === "sf-shipping-bar").length).toBe(1);
  await expectNoAxeViolations(page, "timeout fallback");
  // The page's own header request gets the backend's 504 after 5 s; the widget's aborted
  // requests log nothing.
  expectOnlyFailedLoads(consoleLog, 504);
});

test("Malformed JSON from the cart API shows the fallback without retrying and an sf:error with kind malformed-json", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await setFault(page, { mode: "malformed", path_prefix: "/api/cart" });
  const cartRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/cart") cartRequests.push(r.url());
  });
  await page.reload();
  await waitForReady(page);
  await expectBar(page, { state: "error", message: FALLBACK_DE });
  await expect(bar.track(page)).toBeHidden();
  const errors = await sfEvents(page, "sf:error");
  expect(errors.map((e) => e.detail.kind)).toEqual(["malformed-json"]);
  // A malformed body will not get better by asking again: one request by the widget, one by the page.
  expect(cartRequests).toHaveLength(2);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectNoAxeViolations(page, "malformed JSON fallback");
  expect(consoleLog).toEqual([]);
});

test("The bar recovers on the next cart change once the backend works again", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await setFault(page, { mode: "error", status: 503, path_prefix: "/api/cart" });
  await page.reload();
  await expectBar(page, { state: "error", message: FALLBACK_DE });
  await setFault(page, { mode: "none" });
  await page.locator('[data-add="kulturbeutel"]').click();
  await expectBar(page, { state: "progress", message: "Noch 20,10 € bis zum kostenlosen Versand" });
  await expect(bar.track(page)).toBeVisible();
  expectOnlyFailedLoads(consoleLog, 503);
});
