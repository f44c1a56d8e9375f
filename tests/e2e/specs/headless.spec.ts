// The headless example (examples/headless-vite): a Vite + TypeScript app that installed the
// package from the `npm pack` tarball, built by `./x test` into www/headless/ and served by the
// reference backend. It mounts widgets from code and unmounts them on every route change.

import type { Page, CDPSession } from "@playwright/test";
import { test, expect, expectCleanConsole, expectNoAxeViolations, norm } from "./fixtures";

declare global {
  interface Window {
    headless: { ready: number; mounts: number; unmounts: number; route: string; wasmBytes: () => number };
    __timers: { pending: number };
    __apiRequests: number;
  }
}

/** Counts pending timeouts and intervals (test instrumentation, installed before the app). */
async function countTimers(page: Page) {
  await page.addInitScript(() => {
    const pending = new Set<number>();
    window.__timers = {
      get pending() {
        return pending.size;
      },
    };
    const st = window.setTimeout.bind(window);
    const ct = window.clearTimeout.bind(window);
    const si = window.setInterval.bind(window);
    const ci = window.clearInterval.bind(window);
    (window as any).setTimeout = (fn: any, ms?: number, ...rest: any[]) => {
      const id = st((...a: any[]) => {
        pending.delete(id);
        if (typeof fn === "function") fn(...a);
      }, ms, ...rest);
      pending.add(id);
      return id;
    };
    (window as any).clearTimeout = (id: number) => {
      pending.delete(id);
      ct(id);
    };
    (window as any).setInterval = (fn: any, ms?: number, ...rest: any[]) => {
      const id = si(fn, ms, ...rest);
      pending.add(id);
      return id;
    };
    (window as any).clearInterval = (id: number) => {
      pending.delete(id);
      ci(id);
    };
  });
}

async function go(page: Page, route: string) {
  await page.evaluate((r) => (location.hash = `#/${r}`), route);
  await expect.poll(() => page.evaluate(() => window.headless.route)).toBe(route);
}

/** Garbage-collects, then reads the DOM counters (nodes, JS event listeners) and the heaps. */
async function measure(page: Page, cdp: CDPSession) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const app = await page.evaluate(() => ({ wasm: window.headless.wasmBytes(), timers: window.__timers.pending }));
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, jsHeap: heap.usedSize, wasm: app.wasm, timers: app.timers };
}

test("The headless app mounts the widgets from code, pushes its cart and listens to typed events", async ({ page, consoleLog }) => {
  await page.goto("/headless/#/shop");
  await expect.poll(() => page.evaluate(() => window.headless.ready), { message: "bar and badges ready" }).toBeGreaterThanOrEqual(2);
  const message = page.locator(".bar [part=message]");
  await expect(message).toHaveText(/free shipping/i);
  await page.getByRole("button", { name: /Add Suitcase M to the cart/ }).click();
  await expect(message).toHaveText(/away from free shipping/);
  expect(norm(await message.textContent())).toContain("€20.10");
  await page.getByRole("button", { name: /Add Suitcase M to the cart/ }).click();
  await expect(message).toHaveText(/free shipping/i);
  await expect(page.locator(".bar [part=root]")).toHaveAttribute("data-state", "reached");
  await expect(page.locator("#status")).toHaveText(/Reached free-shipping|2 in the cart/);
  await expectNoAxeViolations(page, "headless shop route");

  await page.getByRole("link", { name: "Help" }).click();
  await expect(page.locator(".faq [role=combobox]")).toBeVisible();
  await expect(page.locator(".bar")).toHaveCount(0);
  await expectNoAxeViolations(page, "headless help route");
  expectCleanConsole(consoleLog);
});

test("100 mount/unmount cycles leak no listeners, timers, requests or memory", async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  await countTimers(page);
  const cdp = await page.context().newCDPSession(page);
  await page.goto("/headless/#/empty");
  await expect.poll(() => page.evaluate(() => window.headless.route)).toBe("empty");

  // One cycle: the shop (bar + badges) and help (FAQ) views mounted and removed again. Every
  // other cycle waits for the widgets to be ready; the others leave while they still load.
  const cycle = async (i: number) => {
    const before = await page.evaluate(() => window.headless.ready);
    await go(page, "shop");
    if (i % 2 === 0) await expect.poll(() => page.evaluate(() => window.headless.ready)).toBeGreaterThanOrEqual(before + 2);
    const mid = await page.evaluate(() => window.headless.ready);
    await go(page, "help");
    if (i % 2 === 0) await expect.poll(() => page.evaluate(() => window.headless.ready)).toBeGreaterThanOrEqual(mid + 1);
    await go(page, "empty");
  };

  for (let i = 0; i < 10; i++) await cycle(i);
  // Let late answers and the badges' refresh timer (10 s, the shortest allowed) run out
  // before the baseline.
  await page.waitForTimeout(10_500);
  const start = await measure(page, cdp);
  for (let i = 10; i < 100; i++) await cycle(i);
  await page.waitForTimeout(10_500);
  const end = await measure(page, cdp);

  const counts = await page.evaluate(() => ({ mounts: window.headless.mounts, unmounts: window.headless.unmounts }));
  expect(counts.mounts).toBe(300);
  expect(counts.unmounts).toBe(300);
  console.log(`after 10 cycles: ${JSON.stringify(start)}\nafter 100 cycles: ${JSON.stringify(end)}`);
  expect(end.listeners, "JS event listeners").toBe(start.listeners);
  expect(end.timers, "pending timers").toBeLessThanOrEqual(start.timers);
  expect(end.nodes, "DOM nodes").toBeLessThanOrEqual(start.nodes + 50);
  // 90 more cycles mount 270 widgets; a widget kept alive by a leak costs kilobytes, so a leak
  // would show as megabytes. Allow for allocator and JIT noise only.
  expect(end.jsHeap - start.jsHeap, "JS heap growth (bytes)").toBeLessThan(1_000_000);
  expect(end.wasm - start.wasm, "wasm memory growth (bytes)").toBeLessThanOrEqual(1 << 20);

  // Nothing keeps asking the backend once every widget is gone.
  let api = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) api++;
  });
  await page.waitForTimeout(11_000);
  expect(api, "requests to /api after the last unmount (one refresh interval and more)").toBe(0);
  expectCleanConsole(consoleLog);
});
