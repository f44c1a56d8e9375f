// Shared fixtures and helpers of the storefront tests.
//
// Every test gets a fresh browser context, hence a fresh `sf_visitor` cookie, an empty cart
// and its own fault-injection slot on the backend, so tests run in parallel without sharing
// state.

import { test as base, expect, type Page, type APIResponse } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export { expect };

/** Cards in the shop's product grid: the first 15 products and the 43 pieces of luggage of the
 *  product advisor's catalogue (crates/backend/src/db.rs), sorted after them. */
export const GRID_PRODUCTS = 58;

/** A console message of type error/warning, or an uncaught exception (`pageerror`). */
export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

/** An `sf:*` event seen on the page (recorded by an init script, capture phase on window). */
export interface SfEvent {
  type: string;
  target: string;
  detail: any;
}

declare global {
  interface Window {
    __sfEvents: SfEvent[];
    __cls: number;
    __shifts: { value: number; sources: string[] }[];
  }
}

export const test = base.extend<{ consoleLog: ConsoleEntry[] }>({
  consoleLog: [
    async ({ page }, use) => {
      const log: ConsoleEntry[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") log.push({ type: m.type(), text: m.text(), url: m.location().url });
      });
      page.on("pageerror", (e) => log.push({ type: "pageerror", text: String(e.stack || e.message), url: "" }));
      // Test instrumentation (not part of the page): record sf:* events and layout shifts
      // from the very start of every document.
      await page.addInitScript(() => {
        window.__sfEvents = [];
        const types = ["sf:ready", "sf:error", "sf:threshold-reached", "sf:add-to-cart", "sf:cart-changed"];
        for (const type of types) {
          window.addEventListener(
            type,
            (e) => {
              const t = e.target as Element | Document;
              const target = t instanceof Element ? t.localName : "document";
              window.__sfEvents.push({ type, target, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail ?? null)) });
            },
            true,
          );
        }
        // The backend serves every page under a strict CSP (crates/backend/src/lib.rs CSP): a
        // violation anywhere becomes a console error, which expectCleanConsole rejects.
        window.addEventListener(
          "securitypolicyviolation",
          (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
          true,
        );
        window.__cls = 0;
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as any[]) {
            if (entry.hadRecentInput) continue;
            window.__cls += entry.value;
            window.__shifts.push({
              value: entry.value,
              sources: (entry.sources || []).map((s: any) => (s.node ? s.node.nodeName + "." + (s.node.className || "") : "?")),
            });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await use(log);
    },
    { auto: true },
  ],
});

/** The console must be empty: no errors, no warnings, no uncaught exceptions. */
export function expectCleanConsole(log: ConsoleEntry[]) {
  expect(log, "console errors/warnings/page errors").toEqual([]);
}

/** Runs axe-core on the page (open shadow roots included) and expects no violation. */
export async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`),
  }));
  expect(summary, `axe-core violations (${state})`).toEqual([]);
}

/** Replaces non-breaking and narrow spaces (Intl uses them) by plain spaces. */
export function norm(s: string | null | undefined): string {
  return (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
}

/** Money as the widget formats it (Intl in the same locale), normalised. */
export function fmt(minor: number, currency: string, locale: string): string {
  return norm(new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 100));
}

export const bar = {
  host: (page: Page) => page.locator("sf-shipping-bar"),
  root: (page: Page) => page.locator("sf-shipping-bar [part=root]"),
  message: (page: Page) => page.locator("sf-shipping-bar [part=message]"),
  track: (page: Page) => page.locator("sf-shipping-bar [part=track]"),
  note: (page: Page) => page.locator("sf-shipping-bar [part=note]"),
  suggestions: (page: Page) => page.locator("sf-shipping-bar button[part=suggestion]"),
};

export interface BarState {
  state: string | null;
  message: string;
  valuenow: string | null;
  valuetext: string;
  note: string;
}

/** What the bar shows now (read through shadow-piercing locators). */
export async function barState(page: Page): Promise<BarState> {
  const root = bar.root(page);
  if ((await root.count()) === 0) return { state: null, message: "", valuenow: null, valuetext: "", note: "" };
  const track = bar.track(page);
  return {
    state: await root.getAttribute("data-state"),
    message: norm(await bar.message(page).textContent()),
    valuenow: await track.getAttribute("aria-valuenow"),
    valuetext: norm(await track.getAttribute("aria-valuetext")),
    note: norm(await bar.note(page).textContent()),
  };
}

/** Waits until the bar shows `want` (a subset of its state). */
export async function expectBar(page: Page, want: Partial<BarState>) {
  await expect.poll(() => barState(page), { message: `shipping bar should show ${JSON.stringify(want)}` }).toMatchObject(want);
}

/** The recorded sf:* events of the current document. */
export async function sfEvents(page: Page, type?: string): Promise<SfEvent[]> {
  const all = await page.evaluate(() => window.__sfEvents);
  return type ? all.filter((e) => e.type === type) : all;
}

/** Waits for the bar's `sf:ready` (first data or fallback); other widgets' events don't count. */
export async function waitForReady(page: Page) {
  await expect.poll(async () => (await sfEvents(page, "sf:ready")).filter((e) => e.target === "sf-shipping-bar").length, { message: "sf:ready of the shipping bar" }).toBeGreaterThan(0);
}

/** The visitor's cart as the backend computes it. */
export async function backendCart(page: Page, lang = "de") {
  const res = await page.request.get(`/api/cart?locale=${lang}`);
  expect(res.ok()).toBe(true);
  return res.json();
}

async function ok(res: APIResponse) {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

/** Puts a product into the visitor's cart through the API (the page's cookie). */
export async function apiAdd(page: Page, productId: string, quantity = 1) {
  return ok(await page.request.post("/api/cart/lines", { data: { product_id: productId, quantity } }));
}

/** Sets a fault for this visitor's GET requests under `path_prefix`. */
export async function setFault(page: Page, fault: { mode: string; status?: number; delay_ms?: number; path_prefix?: string }) {
  return ok(await page.request.put("/api/_faults", { data: fault }));
}

/**
 * The bar agrees with the backend's `shipping` block: same reached state, same percentage
 * towards the top tier, the remaining amount of the next tier in the message, and free
 * shipping promised exactly when the backend waives the shipping cost.
 */
export async function expectBarMatchesBackend(page: Page, lang: "de" | "en", freeShippingPhrase: string) {
  const cart = await backendCart(page, lang);
  const s = cart.shipping;
  const locale = lang === "en" ? "en" : "de-DE";
  // The bar measures up to the highest tier not granted (free shipping granted by a voucher is
  // reached whatever the subtotal); full when every tier is granted.
  const top = [...s.tiers].reverse().find((t: any) => !(s.free_shipping_granted && t.reward === "free_shipping"));
  const next = s.tiers.find((t: any) => !t.reached);
  const percent = top ? Math.min(100, Math.floor((Math.max(0, s.eligible_subtotal) * 100) / top.threshold)) : 100;
  const want: Partial<BarState> = { state: next ? "progress" : "reached", valuenow: String(percent) };
  await expectBar(page, want);
  const shown = await barState(page);
  // Free shipping is announced while a higher tier is still open, and implied once every
  // tier (free shipping included) is reached.
  const promisesFree = shown.message.includes(freeShippingPhrase) || shown.state === "reached";
  expect(promisesFree, `"${shown.message}" (${shown.state}) promises free shipping iff backend free_shipping=${s.free_shipping}`).toBe(s.free_shipping);
  // Nothing to pay for shipping when it is free, or when nothing counts: an empty cart or one of
  // vouchers only (sent by e-mail).
  expect(s.cost === 0).toBe(s.free_shipping || s.eligible_subtotal === 0);
  if (next && s.eligible_subtotal > 0) expect(shown.message).toContain(fmt(next.remaining, cart.currency, locale));
  return cart;
}

/** Clicks the product's add-to-cart button and waits for the header count. */
export async function addFromGrid(page: Page, productId: string, expectedCount: number) {
  await page.locator(`[data-add="${productId}"]`).click();
  await expect(page.locator("header [data-cart-count]")).toHaveText(String(expectedCount));
}
