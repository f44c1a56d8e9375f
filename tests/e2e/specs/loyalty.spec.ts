// Loyalty points (<sf-loyalty>) on the demo account page (inline) and cart page (launcher)
// against the reference backend.
//
// The backend's database is shared by every test of the run, and the seeded demo customer
// ("Dana Demo") is shared too. So only the read-only test signs in as Dana through the page's
// demo-login button as it is; every test that redeems or checks out rewrites that one request
// to a fresh e-mail address (a new customer with the start bonus), credits it through the test
// endpoint and asserts on its own ledger (GET /api/_test/loyalty/audit). Products ordered here:
//   steckdosenadapter (stock 150), gutschein-25 (earns nothing)   no other test orders them

import type { Page } from "@playwright/test";
import { test, expect, expectCleanConsole, expectNoAxeViolations, expectBarMatchesBackend, apiAdd, backendCart, barState, norm, type ConsoleEntry } from "./fixtures";

const DANA = "demo@kofferkontor.example";

declare global {
  interface Window {
    __redeems: any[];
  }
}

const loy = {
  root: (page: Page) => page.locator("sf-loyalty [part=root]"),
  status: (page: Page) => page.locator("sf-loyalty [part=status]"),
  balance: (page: Page) => page.locator("sf-loyalty [part=balance]"),
  tier: (page: Page) => page.locator("sf-loyalty [part=tier]"),
  progress: (page: Page) => page.locator("sf-loyalty [part=progress]"),
  preview: (page: Page) => page.locator("sf-loyalty [part=preview]"),
  join: (page: Page) => page.locator("sf-loyalty [part=join]"),
  rewards: (page: Page) => page.locator("sf-loyalty li[part=reward]"),
  code: (page: Page) => page.locator("sf-loyalty [part=code]"),
  history: (page: Page) => page.locator("sf-loyalty [part=history] li"),
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__redeems = [];
    window.addEventListener("sf:redeem", (e) => window.__redeems.push((e as CustomEvent).detail), true);
  });
});

let counter = 0;
/** A fresh customer: the page's demo login is rewritten to this address; returns it. */
async function freshCustomer(page: Page, credit: number): Promise<string> {
  const email = `e2e-${Date.now()}-${process.pid}-${counter++}@kofferkontor.example`;
  const joined = await page.request.post("/api/loyalty/demo-login", { data: { email } });
  expect(joined.status()).toBe(201);
  if (credit > 0) expect((await page.request.post("/api/_test/loyalty/credit", { data: { email, points: credit } })).status()).toBe(201);
  await page.route("**/api/loyalty/demo-login*", (route) => route.continue({ postData: JSON.stringify({ email }) }));
  return email;
}

async function audit(page: Page, email: string) {
  const res = await page.request.get(`/api/_test/loyalty/audit?email=${encodeURIComponent(email)}`);
  expect(res.ok()).toBe(true);
  return res.json();
}

/** Clicks the page's demo-login button and returns the token the backend signed. */
async function login(page: Page): Promise<string> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes("/api/loyalty/demo-login")), page.locator("[data-demo-login]").click()]);
  const token = (await res.json()).token;
  await expect(loy.balance(page)).toBeVisible();
  return token;
}

async function ready(page: Page) {
  await expect(loy.root(page)).toHaveAttribute("data-state", "ready");
}

/** The 401 that a refused token produces is logged by Chromium as a failed resource; that one
 *  line is expected, anything else is not. */
function without401(log: ConsoleEntry[]) {
  return log.filter((e) => !(e.type === "error" && e.text.includes("status of 401")));
}

test("logged out, then the demo customer sees balance, tier, progress and history (German)", async ({ page, consoleLog }) => {
  await apiAdd(page, "steckdosenadapter");
  await page.goto("/konto.html");
  await ready(page);
  // Logged out: join text, the catalogue without redeem buttons, what the cart would earn.
  await expect(loy.join(page)).toBeVisible();
  await expect(loy.join(page)).toContainText("Sammle bei jedem Einkauf Punkte");
  await expect(loy.rewards(page)).toHaveCount(4);
  await expect(page.locator("sf-loyalty button[data-action=redeem]")).toHaveCount(0);
  const cart = await (await page.request.get("/api/cart")).json();
  const guestPoints = Math.floor(cart.subtotal / 100);
  await expect(loy.preview(page)).toHaveText(`Mit diesem Warenkorb würdest du ${guestPoints} Punkte sammeln.`);
  await expectNoAxeViolations(page, "logged out");

  const token = await login(page);
  const me = await (await page.request.get("/api/loyalty/me", { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(me.customer.email).toBe(DANA);
  await expect(loy.balance(page)).toHaveText(`${me.balance.toLocaleString("de-DE")} Punkte`);
  await expect(loy.tier(page)).toHaveText(me.tier.current ? `Stufe ${me.tier.current.name}` : "Noch keine Stufe");
  if (me.tier.next) {
    await expect(loy.progress(page)).toHaveAttribute("aria-valuetext", `noch ${me.tier.remaining} Punkte bis ${me.tier.next.name}`);
    await expect(loy.progress(page)).toHaveAttribute("aria-valuenow", String(Math.floor(me.tier.permille / 10)));
  }
  await expect(loy.history(page)).toHaveCount(me.history.length);
  await expect(loy.join(page)).toBeHidden();
  await expect(page.locator("sf-loyalty [part=earn] li").first()).toHaveText("1 Punkt pro 1,00 € Einkaufswert");
  await expectNoAxeViolations(page, "signed in");
  expectCleanConsole(consoleLog);
});

test("redeem by keyboard with confirmation, copy the code, see the history and the server's balance", async ({ page, context, consoleLog }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const email = await freshCustomer(page, 1000);
  await page.goto("/konto.html");
  await ready(page);
  await login(page);
  await expect(loy.balance(page)).toHaveText("1.100 Punkte");
  const redeem = page.locator("sf-loyalty [part=reward]").filter({ hasText: "Gutschein für kostenlosen Versand" }).locator("button[data-action=redeem]");
  await redeem.focus();
  // Escape cancels a confirmation and gives the focus back to its redeem button.
  await page.keyboard.press("Enter");
  const confirm = page.locator("sf-loyalty button[data-action=confirm]");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(redeem).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirm).toBeFocused();
  await expect(page.locator("sf-loyalty [part=reward] [role=group]")).toContainText("„Gutschein für kostenlosen Versand“ für 150 Punkte einlösen?");
  await expectNoAxeViolations(page, "confirmation");
  await page.keyboard.press("Enter");
  await expect(loy.code(page)).toBeVisible();
  const code = norm(await loy.code(page).textContent());
  expect(code.length).toBeGreaterThan(4);
  // The balance is the server's; the history shows the redemption with its code.
  await expect(loy.balance(page)).toHaveText("950 Punkte");
  await expect(loy.history(page).first()).toContainText(`−150 Eingelöst: Gutschein für kostenlosen Versand ${code}`);
  const copy = page.locator("sf-loyalty [part=voucher] button[data-action=copy]");
  await expect(copy).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(loy.status(page)).toHaveText("Kopiert");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  const a = await audit(page, email);
  expect([a.redemptions, a.balance, a.min_running_balance]).toEqual([1, 950, 0]);
  const events = await page.evaluate(() => window.__redeems);
  expect(events).toEqual([{ widget: "loyalty", reward_id: "versand", cost: 150, code, balance: 950 }]);
  await expectNoAxeViolations(page, "redeemed");
  expectCleanConsole(consoleLog);
});

test("a double click on confirm redeems once", async ({ page, consoleLog }) => {
  const email = await freshCustomer(page, 1000);
  await page.goto("/konto.html");
  await ready(page);
  await login(page);
  let posts = 0;
  page.on("request", (r) => {
    if (r.url().includes("/api/loyalty/redeem")) posts++;
  });
  await page.locator("sf-loyalty button[data-action=redeem][data-reward='1']").click();
  await page.locator("sf-loyalty button[data-action=confirm]").dblclick();
  await expect(loy.code(page)).toBeVisible();
  await expect(loy.balance(page)).toHaveText("850 Punkte");
  const a = await audit(page, email);
  expect([a.redemptions, a.redemption_costs, a.balance]).toEqual([1, 250, 850]);
  expect(posts).toBe(1);
  expectCleanConsole(consoleLog);
});

test("checkout credits the points the launcher predicted", async ({ page, consoleLog }) => {
  const email = await freshCustomer(page, 0);
  await apiAdd(page, "steckdosenadapter", 3);
  await apiAdd(page, "gutschein-25");
  await page.goto("/cart.html");
  const launcher = page.locator("sf-loyalty button[part=launcher]");
  await expect(launcher).toBeVisible();
  await page.locator("[data-demo-login]").click();
  await expect(page.locator("[data-login-status]")).toContainText("Angemeldet als");
  // The launcher opens the panel as a dialog; keyboard in, Escape out, focus back.
  await launcher.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator("sf-loyalty dialog[part=panel]");
  await expect(dialog).toBeVisible();
  await expect(page.locator("sf-loyalty button[data-action=close]")).toBeFocused();
  await expect(loy.balance(page)).toHaveText("100 Punkte");
  await expect(loy.preview(page)).toBeVisible();
  const predicted = Number(await loy.preview(page).getAttribute("data-points"));
  expect(predicted).toBeGreaterThan(0);
  await expect(loy.preview(page)).toHaveText(`Mit diesem Warenkorb sammelst du ${predicted} Punkte.`);
  await expectNoAxeViolations(page, "dialog open");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(launcher).toBeFocused();

  const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes("/api/checkout")), page.locator("[data-checkout]").click()]);
  const order = await res.json();
  expect(order.points_earned).toBe(predicted);
  const a = await audit(page, email);
  expect(a.balance).toBe(100 + predicted);
  // The widget follows the checkout (sf:cart-changed) with the new balance.
  await launcher.click();
  await expect(loy.balance(page)).toHaveText(`${100 + predicted} Punkte`);
  await expect(loy.history(page).first()).toContainText(`+${predicted} Einkauf`);
  expectCleanConsole(consoleLog);
});

test("English", async ({ page, consoleLog }) => {
  await freshCustomer(page, 300);
  // On the cart page the launcher's dialog offers the account page, in the page's language
  // (join_url "/konto.html?lang={language}") ...
  await page.goto("/cart.html?lang=en");
  await ready(page);
  await page.locator("sf-loyalty [part=launcher]").click();
  await expect(page.locator("sf-loyalty [part=join-link]")).toHaveText("Sign in and collect points");
  await expect(page.locator("sf-loyalty [part=join-link]")).toHaveAttribute("href", "/konto.html?lang=en");
  // ... which does not link to itself: its own sign-in button is above the panel.
  await page.goto("/konto.html?lang=en");
  await ready(page);
  await expect(page.locator("sf-loyalty h2")).toHaveText("Your loyalty points");
  await expect(loy.join(page)).toContainText("Collect points with every order");
  await expect(page.locator("sf-loyalty [part=join-link]")).toHaveCount(0);
  await page.locator("[data-demo-login]").click();
  await expect(loy.balance(page)).toHaveText("400 points");
  await expect(loy.tier(page)).toHaveText("No tier yet");
  await expect(loy.progress(page)).toHaveAttribute("aria-valuetext", "250 points to Silver");
  await expect(page.locator("sf-loyalty [part=reward] .name").first()).toHaveText("Free shipping voucher");
  await page.locator("sf-loyalty button[data-action=redeem][data-reward='0']").click();
  await expect(page.locator("sf-loyalty button[data-action=confirm]")).toHaveText("Yes, redeem");
  await page.locator("sf-loyalty button[data-action=confirm]").click();
  await expect(loy.code(page)).toBeVisible();
  await expect(loy.balance(page)).toHaveText("250 points");
  await expect(loy.history(page).first()).toContainText("Redeemed: Free shipping voucher");
  await expectNoAxeViolations(page, "English");
  expectCleanConsole(consoleLog);
});

test("a forged or expired token shows the logged-out state with a clear message", async ({ page, consoleLog }) => {
  await page.goto("/konto.html");
  await ready(page);
  await page.evaluate(async () => {
    const sf = await import("/pkg/embed.js" as string);
    await sf.ready;
    sf.setCustomer({ token: "eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ.Zm9yZ2Vk" });
  });
  await expect(loy.status(page)).toHaveText("Deine Anmeldung ist abgelaufen oder ungültig. Bitte melde dich erneut an.");
  await expect(loy.join(page)).toBeVisible();
  await expect(loy.balance(page)).toHaveCount(0);
  await expectNoAxeViolations(page, "expired");
  expectCleanConsole(without401(consoleLog));
});

test("backend down: the panel says so and offers retry", async ({ page, consoleLog }) => {
  await page.route("**/api/loyalty/program*", (route) => route.fulfill({ status: 503, body: "{}", contentType: "application/json" }));
  await page.goto("/konto.html");
  await expect(loy.root(page)).toHaveAttribute("data-state", "error", { timeout: 20_000 });
  await expect(loy.status(page)).toHaveText("Die Treuepunkte sind gerade nicht erreichbar.");
  await page.unroute("**/api/loyalty/program*");
  await page.locator("sf-loyalty button[data-action=retry]").click();
  await ready(page);
  await expect(loy.rewards(page)).toHaveCount(4);
  expectCleanConsole(consoleLog.filter((e) => !e.text.includes("status of 503")));
});

for (const width of [320, 1000]) {
  test(`the account page does not shift when the panel arrives (${width} px)`, async ({ page, consoleLog }) => {
    await page.setViewportSize({ width, height: 700 });
    await apiAdd(page, "kulturbeutel");
    await page.goto(width === 320 ? "/konto.html?lang=en" : "/konto.html");
    await ready(page);
    await expect(loy.preview(page)).toBeVisible();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    expect(await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }))).toEqual({ cls: 0, shifts: [] });
    // Nothing sticks out at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expectCleanConsole(consoleLog);
  });
}

test("a redeemed voucher code takes 5 € off in the cart, the bar follows, and the code works once", async ({ page, context, consoleLog }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshCustomer(page, 300);
  // 4 × 14,90 € = 59,60 €: free shipping (50 €) is reached with and without the voucher.
  await apiAdd(page, "steckdosenadapter", 4);
  await page.goto("/konto.html");
  await ready(page);
  const token = await login(page);
  await expect(loy.balance(page)).toHaveText("400 Punkte");
  await page.locator("sf-loyalty [part=reward]").filter({ hasText: "5-€-Gutschein" }).locator("button[data-action=redeem]").click();
  await page.locator("sf-loyalty button[data-action=confirm]").click();
  await expect(loy.code(page)).toBeVisible();
  const code = norm(await loy.code(page).textContent());
  await page.locator("sf-loyalty [part=voucher] button[data-action=copy]").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  await page.goto("/cart.html");
  const field = page.getByLabel("Gutscheincode");
  await expect(field).toBeVisible();
  await expect(page.locator("[data-total]")).toHaveText(/^59,60\s€$/);
  await expect(page.locator("[data-shipping-cost]")).toHaveText("kostenlos");
  await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  const barBefore = await barState(page);
  await expectNoAxeViolations(page, "cart with the code field");

  // Paste the code and apply it with Enter: the totals show the voucher, focus moves to its
  // remove button (the field is gone while a voucher is in the cart).
  await field.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(field).toHaveValue(code);
  await page.keyboard.press("Enter");
  const line = page.locator("[data-voucher-line]");
  await expect(line).toBeVisible();
  await expect(line.locator("dt")).toHaveText(`Gutschein ${code} (5-€-Gutschein)`);
  await expect(page.locator("[data-voucher-effect]")).toHaveText(/^−5,00\s€$/);
  await expect(page.locator("[data-total]")).toHaveText(/^54,60\s€$/);
  await expect(page.locator("[data-voucher-remove]")).toBeFocused();
  await expect(page.locator("[data-voucher-remove]")).toHaveAccessibleName(`Gutschein ${code} entfernen`);
  await expect(page.locator("[data-voucher-form]")).toBeHidden();
  // The bar counts the goods after the discount, as the cart does: 54,60 of the 100 € tier.
  const cart = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect([cart.discount, cart.shipping.eligible_subtotal, cart.total]).toEqual([500, 5460, 5460]);
  expect((await barState(page)).valuenow).not.toBe(barBefore.valuenow);
  await expectNoAxeViolations(page, "voucher applied");
  // Nothing sticks out at 320 px.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1000, height: 700 });

  // Remove and apply again: the field comes back with the focus.
  await page.locator("[data-voucher-remove]").click();
  await expect(field).toBeFocused();
  await expect(page.locator("[data-total]")).toHaveText(/^59,60\s€$/);
  await field.fill(code.toLowerCase());
  await page.locator("[data-voucher-apply]").click();
  await expect(page.locator("[data-total]")).toHaveText(/^54,60\s€$/);

  const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes("/api/checkout")), page.locator("[data-checkout]").click()]);
  const order = await res.json();
  expect([order.discount, order.total, order.voucher.code]).toEqual([500, 5460, code]);
  await expect(page.locator("[data-thanks-text]")).toHaveText(new RegExp(`Gesamtbetrag 54,60\\s€, davon Versand kostenlos\\. Gutschein ${code} eingelöst\\.$`));

  // The same code is refused afterwards, next to the field.
  await apiAdd(page, "steckdosenadapter");
  await page.goto("/cart.html");
  await field.fill(code);
  await page.keyboard.press("Enter");
  const error = page.locator("#voucher-error");
  await expect(error).toHaveText("Dieser Gutschein wurde schon eingelöst.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription(/Dieser Gutschein wurde schon eingelöst\./);
  expect((await backendCart(page)).voucher).toBeNull();
  await expect(page.locator("[data-total]")).toHaveText(/^19,85\s€$/);
  await expectNoAxeViolations(page, "voucher refused");

  // A free-shipping voucher (the remaining 150 points) on the 14,90 € cart: the cart charges no
  // shipping, and the bar says free shipping is included instead of asking for 35,10 € more,
  // while it still measures the real 14,90 € against the gift.
  const redeemed = await page.request.post("/api/loyalty/redeem", { headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": `e2e-versand-${code}` }, data: { reward_id: "versand" } });
  expect(redeemed.status()).toBe(201);
  await field.fill((await redeemed.json()).redemption.code);
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-shipping-cost]")).toHaveText("kostenlos");
  await expect(page.locator("[data-total]")).toHaveText(/^14,90\s€$/);
  await expect(page.locator("sf-shipping-bar [part=message]")).toHaveText(/^Kostenloser Versand ist dabei! Noch 85,10\s€ bis zu deinem Gratis-Geschenk$/);
  const free = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect([free.shipping.free_shipping_granted, free.shipping.eligible_subtotal, free.shipping.cost]).toEqual([true, 1490, 0]);
  // The refusal (409) is logged by Chromium as a failed resource; that line is expected.
  expectCleanConsole(consoleLog.filter((e) => !(e.type === "error" && e.text.includes("status of 409"))));
});
