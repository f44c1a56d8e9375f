// The free-shipping bar on the demo shop: progress, tiers, languages, currencies, countries,
// excluded products, suggestions and the cart page, always checked against the backend.

import {
  test, expect, expectCleanConsole, expectNoAxeViolations, expectBar, expectBarMatchesBackend,
  waitForReady, sfEvents, bar, addFromGrid, apiAdd, backendCart, barState, GRID_PRODUCTS,
} from "./fixtures";

test("German: the bar counts up to free shipping and then to the free gift", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await expectBar(page, {
    state: "progress",
    message: "Versandkostenfrei ab 50,00 € – jetzt stöbern!",
    valuenow: "0",
    valuetext: "0,00 € von 50,00 €. Versandkostenfrei ab 50,00 € – jetzt stöbern!",
  });
  await expect(bar.track(page)).toHaveAttribute("aria-valuemin", "0");
  await expect(bar.track(page)).toHaveAttribute("aria-valuemax", "100");
  await expect(bar.track(page)).toHaveAttribute("role", "progressbar");
  await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  await expectNoAxeViolations(page, "empty cart");

  const steps = [
    { id: "kulturbeutel", message: "Noch 20,10 € bis zum kostenlosen Versand", valuenow: "29", valuetext: "29,90 € von 50,00 €. Noch 20,10 € bis zum kostenlosen Versand", state: "progress" },
    { id: "kofferwaage", message: "Noch 7,20 € bis zum kostenlosen Versand", valuenow: "42", valuetext: "42,80 € von 50,00 €. Noch 7,20 € bis zum kostenlosen Versand", state: "progress" },
    {
      id: "nackenkissen",
      message: "Kostenloser Versand ist dabei! Noch 37,30 € bis zu deinem Gratis-Geschenk",
      valuenow: "62",
      valuetext: "62,70 € von 100,00 €. Kostenloser Versand ist dabei! Noch 37,30 € bis zu deinem Gratis-Geschenk",
      state: "progress",
    },
    { id: "daypack", message: "Dein Gratis-Geschenk ist dabei!", valuenow: "100", valuetext: "100,00 € von 100,00 €. Dein Gratis-Geschenk ist dabei!", state: "reached" },
  ];
  let count = 0;
  for (const { id, ...want } of steps) {
    await addFromGrid(page, id, ++count);
    await expectBar(page, want);
    await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
    if (id === "kofferwaage") await expectNoAxeViolations(page, "progress");
    if (id === "nackenkissen") await expectNoAxeViolations(page, "free shipping reached");
  }
  await expectNoAxeViolations(page, "all tiers reached");

  const reached = (await sfEvents(page, "sf:threshold-reached")).map((e) => e.detail);
  expect(reached).toEqual([
    { widget: "shipping-bar", tier: "free-shipping", threshold: 5000, currency: "EUR" },
    { widget: "shipping-bar", tier: "gift", threshold: 10000, currency: "EUR" },
  ]);
  expectCleanConsole(consoleLog);
});

test("English: ?lang=en shows the same flow in English with € amounts", async ({ page, consoleLog }) => {
  await page.goto("/?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Luggage & travel gear");
  await waitForReady(page);
  await expectBar(page, { state: "progress", message: "Free shipping from €50.00", valuenow: "0", valuetext: "€0.00 of €50.00. Free shipping from €50.00" });
  await expect(bar.track(page)).toHaveAttribute("aria-label", "Progress to free shipping");
  await expect(page.locator('[data-add="kulturbeutel"]')).toHaveText("Add to cart");
  await expect(page.locator("#product-kulturbeutel .price")).toHaveText("€29.90");
  await expectNoAxeViolations(page, "English, empty cart");

  const steps = [
    { id: "kulturbeutel", message: "€20.10 away from free shipping", valuenow: "29", valuetext: "€29.90 of €50.00. €20.10 away from free shipping", state: "progress" },
    { id: "kofferwaage", message: "€7.20 away from free shipping", valuenow: "42", valuetext: "€42.80 of €50.00. €7.20 away from free shipping", state: "progress" },
    {
      id: "nackenkissen",
      message: "You get free shipping! €37.30 away from your free gift",
      valuenow: "62",
      valuetext: "€62.70 of €100.00. You get free shipping! €37.30 away from your free gift",
      state: "progress",
    },
    { id: "daypack", message: "Your free gift is included!", valuenow: "100", valuetext: "€100.00 of €100.00. Your free gift is included!", state: "reached" },
  ];
  let count = 0;
  for (const { id, ...want } of steps) {
    await addFromGrid(page, id, ++count);
    await expectBar(page, want);
    await expectBarMatchesBackend(page, "en", "You get free shipping");
    // The header's count for screen readers, singular for one item.
    await expect(page.locator("header [data-cart-count-text]")).toHaveText(count === 1 ? ", 1 item in cart" : `, ${count} items in cart`);
    if (id === "nackenkissen") await expectNoAxeViolations(page, "English, free shipping reached");
  }
  const reached = (await sfEvents(page, "sf:threshold-reached")).map((e) => e.detail.tier);
  expect(reached).toEqual(["free-shipping", "gift"]);
  // The language stays in the URL only: links keep ?lang=en, nothing is stored.
  await expect(page.locator("header a.cart-link")).toHaveAttribute("href", "/cart.html?lang=en");
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ""]);
  expectCleanConsole(consoleLog);
});

test("Country AT and currency CHF change the free-shipping threshold", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await addFromGrid(page, "daypack", 1);
  await expectBar(page, { message: "Kostenloser Versand ist dabei! Noch 41,00 € bis zu deinem Gratis-Geschenk" });

  // Austria: 70 € instead of 50 €, so 59 € no longer ship free.
  await page.getByLabel("Lieferland").selectOption("AT");
  await expectBar(page, { state: "progress", message: "Noch 11,00 € bis zum kostenlosen Versand", valuetext: "59,00 € von 70,00 €. Noch 11,00 € bis zum kostenlosen Versand" });
  let cart = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect(cart.country).toBe("AT");
  expect(cart.shipping.free_shipping).toBe(false);
  expect(cart.shipping.tiers.map((t: any) => t.threshold)).toEqual([7000, 10000]);

  // Swiss francs: 75 CHF (the daypack costs 61.90 CHF); the grid shows CHF prices too.
  await page.getByLabel("Währung").selectOption("CHF");
  await expectBar(page, { state: "progress", message: "Noch 13,10 CHF bis zum kostenlosen Versand", valuenow: "51", valuetext: "61,90 CHF von 75,00 CHF. Noch 13,10 CHF bis zum kostenlosen Versand" });
  await expect(page.locator("#product-daypack .price")).toHaveText(/^61,90\sCHF$/);
  cart = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect(cart.currency).toBe("CHF");
  expect(cart.shipping.tiers.map((t: any) => t.threshold)).toEqual([7500, 12000]);
  await expectNoAxeViolations(page, "CHF, AT");

  // Back to Germany in EUR: 50 € again.
  await page.getByLabel("Währung").selectOption("EUR");
  await page.getByLabel("Lieferland").selectOption("DE");
  await expectBar(page, { message: "Kostenloser Versand ist dabei! Noch 41,00 € bis zu deinem Gratis-Geschenk" });
  await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expectCleanConsole(consoleLog);
});

test("A gift card in the cart does not count towards free shipping and a note says so", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await addFromGrid(page, "gutschein-50", 1);
  await expectBar(page, { state: "progress", valuenow: "0", message: "Versandkostenfrei ab 50,00 € – jetzt stöbern!", note: "Gutscheine (50,00 €) zählen nicht mit." });
  let cart = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect(cart.subtotal).toBe(5000);
  expect(cart.shipping.eligible_subtotal).toBe(0);
  // A voucher alone goes out by e-mail: no shipping to pay (the FAQ promises it).
  expect(cart.shipping.cost).toBe(0);
  await expectNoAxeViolations(page, "gift card note");

  await addFromGrid(page, "kulturbeutel", 2);
  await expectBar(page, { message: "Noch 20,10 € bis zum kostenlosen Versand", note: "Gutscheine (50,00 €) zählen nicht mit." });
  cart = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect(cart.shipping.eligible_subtotal).toBe(2990);
  expect(cart.shipping.cost).toBe(495);
  expectCleanConsole(consoleLog);
});

test("Clicking a suggestion adds that product to the cart and the bar moves", async ({ page, consoleLog }) => {
  await page.goto("/");
  await waitForReady(page);
  await addFromGrid(page, "kulturbeutel", 1);
  await expectBar(page, { message: "Noch 20,10 € bis zum kostenlosen Versand" });
  const buttons = bar.suggestions(page);
  await expect(buttons.first()).toBeVisible();
  const n = await buttons.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(3);
  await expectNoAxeViolations(page, "suggestions shown");

  // The accessible name starts with the visible name and price, then says what the button does.
  const name = await buttons.first().evaluate((b) => `${b.querySelector(".name")!.textContent} ${b.querySelector(".price")!.textContent}`);
  await expect(buttons.first()).toHaveAccessibleName(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} – in den Warenkorb$`));
  // By keyboard: the chosen suggestion goes away (it is in the cart now), the focus stays in
  // the bar instead of falling back to the page.
  await buttons.first().focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("header [data-cart-count]")).toHaveText("2");
  await expect
    .poll(() => page.evaluate(() => document.querySelector("sf-shipping-bar")!.shadowRoot!.activeElement?.getAttribute("part") ?? null), { message: "focus inside the bar" })
    .toMatch(/^(suggestion|message)$/);
  const adds = await sfEvents(page, "sf:add-to-cart");
  expect(adds).toHaveLength(1);
  const d = adds[0].detail;
  expect(d).toMatchObject({ quantity: 1, currency: "EUR" });

  const cart = await backendCart(page);
  const line = cart.lines.find((l: any) => l.product_id === d.product_id);
  expect(line, `suggested ${d.product_id} is in the cart`).toBeTruthy();
  expect(line.unit_price).toBe(d.price);
  expect(cart.subtotal).toBe(2990 + d.price);
  // The page announced the change and the bar reloaded.
  expect((await sfEvents(page, "sf:cart-changed")).length).toBeGreaterThan(0);
  await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect((await barState(page)).message).not.toBe("Noch 20,10 € bis zum kostenlosen Versand");
  expectCleanConsole(consoleLog);
});

test("Removing items on the cart page moves the bar back", async ({ page, consoleLog }) => {
  await page.goto("/cart.html");
  await apiAdd(page, "kulturbeutel");
  await apiAdd(page, "daypack");
  await page.reload();
  await waitForReady(page);
  await expect(page.locator("[data-line]")).toHaveCount(2);
  await expectBar(page, { state: "progress", message: "Kostenloser Versand ist dabei! Noch 11,10 € bis zu deinem Gratis-Geschenk", valuenow: "88" });
  await expect(page.locator("[data-shipping-cost]")).toHaveText("kostenlos");
  await expect(page.locator("[data-total]")).toHaveText(/^88,90\s€$/);
  await expectNoAxeViolations(page, "cart page with two lines");

  await page.getByRole("button", { name: "Daypack 20 l entfernen" }).click();
  await expect(page.locator("[data-line]")).toHaveCount(1);
  await expectBar(page, { message: "Noch 20,10 € bis zum kostenlosen Versand", valuenow: "29" });
  await expect(page.locator("[data-shipping-cost]")).toHaveText(/^4,95\s€$/);
  await expect(page.locator("[data-total]")).toHaveText(/^34,85\s€$/);
  await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");

  // By keyboard: the rebuilt row gives the focus back to its "+" button.
  await page.getByRole("button", { name: "Ein Stück mehr: Kulturbeutel" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-line="kulturbeutel"] [data-qty]')).toHaveText("2");
  await expect(page.getByRole("button", { name: "Ein Stück mehr: Kulturbeutel" })).toBeFocused();
  await expectBar(page, { message: "Kostenloser Versand ist dabei! Noch 40,20 € bis zu deinem Gratis-Geschenk" });
  await expect(page.locator("[data-shipping-cost]")).toHaveText("kostenlos");

  await page.getByRole("button", { name: "Ein Stück weniger: Kulturbeutel" }).click();
  await expect(page.locator('[data-line="kulturbeutel"] [data-qty]')).toHaveText("1");
  await expectBar(page, { message: "Noch 20,10 € bis zum kostenlosen Versand" });
  await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  await expectNoAxeViolations(page, "cart page after removal");
  expectCleanConsole(consoleLog);
});

test("Checkout places the order with the shipping the bar promised and thanks the shopper", async ({ page, consoleLog }) => {
  await page.goto("/cart.html");
  await apiAdd(page, "koffer-m");
  await page.reload();
  await waitForReady(page);
  await expectBar(page, { message: "Dein Gratis-Geschenk ist dabei!", state: "reached" });
  const orders: any[] = [];
  page.on("response", async (r) => {
    if (r.url().includes("/api/checkout")) orders.push(await r.json());
  });
  await page.getByRole("button", { name: "Zahlungspflichtig bestellen" }).click();
  await expect(page.getByRole("heading", { name: "Vielen Dank für deine Bestellung!" })).toBeFocused();
  await expect(page.locator("[data-thanks-text]")).toHaveText(/Bestellnummer \d+\. Gesamtbetrag 169,00\s€, davon Versand kostenlos\./);
  expect(orders[0]).toMatchObject({ shipping_cost: 0, total: 16900, currency: "EUR" });
  await expect(page.locator("header [data-cart-count]")).toHaveText("0");
  await expectBar(page, { message: "Versandkostenfrei ab 50,00 € – jetzt stöbern!", valuenow: "0" });
  await expectNoAxeViolations(page, "thank-you message");
  expectCleanConsole(consoleLog);
});

test("The bar and the loyalty widget on the cart page share one cart request at start and one per cart change", async ({ page, consoleLog }) => {
  // Counts the cart requests the widgets make (fetches called from the package's glue, not
  // from the demo page's own script, which loads the cart for its line list).
  await page.addInitScript(() => {
    const w = window as any;
    w.__widgetCartFetches = 0;
    const original = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (new URL(url, location.href).pathname === "/api/cart" && /\/pkg\//.test(new Error().stack || "")) w.__widgetCartFetches++;
      return original.call(this, input, init);
    };
  });
  const count = () => page.evaluate(() => (window as any).__widgetCartFetches as number);
  await apiAdd(page, "kulturbeutel");
  await page.goto("/cart.html");
  await waitForReady(page);
  const preview = page.locator("sf-loyalty [part=preview]");
  await expect(preview).toHaveAttribute("data-points", /^[1-9]/);
  const before = await preview.getAttribute("data-points");
  expect(await count()).toBe(1);
  // A change after both have their answer is a new request (never the old answer), still one.
  await apiAdd(page, "kofferwaage");
  await page.evaluate(() => document.dispatchEvent(new CustomEvent("sf:cart-changed", { detail: { source: "test" } })));
  await expectBar(page, { state: "progress", message: "Noch 7,20 € bis zum kostenlosen Versand" });
  // The loyalty widget got the new cart too: its prediction grew.
  await expect(preview).not.toHaveAttribute("data-points", before!);
  await expect.poll(count).toBe(2);
  await page.waitForTimeout(300);
  expect(await count()).toBe(2);
  expectCleanConsole(consoleLog);
});
