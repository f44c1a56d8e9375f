// The product advisor (<sf-advisor>) on the demo page /advisor.html against the reference
// backend's luggage catalogue (GET /api/advisor/products, 49 products) and the German/English
// advisor of www/schaufenster.json. The answer paths and their ranked products are the ones
// crates/backend/tests/advisor.rs checks natively with the same engine.

import type { Page } from "@playwright/test";
import { test, expect, expectCleanConsole, expectNoAxeViolations, expectBarMatchesBackend, sfEvents, setFault, norm, fmt } from "./fixtures";

declare global {
  interface Window {
    __advisorEvents: { type: string; detail: any }[];
  }
}

interface Product {
  id: string;
  title: string;
  price: number;
  url: string;
}

const adv = {
  root: (page: Page) => page.locator("sf-advisor [part=root]"),
  heading: (page: Page) => page.locator("sf-advisor h2"),
  progress: (page: Page) => page.locator("sf-advisor [part=progress]"),
  status: (page: Page) => page.locator("sf-advisor p[part=status]"),
  option: (page: Page, label: string) => page.locator("sf-advisor label.option").filter({ hasText: label }),
  button: (page: Page, action: string) => page.locator(`sf-advisor button[data-action=${action}]`),
  cards: (page: Page) => page.locator("sf-advisor li[part=result]"),
  relaxed: (page: Page) => page.locator("sf-advisor [part=relaxed]"),
};

// Test instrumentation: the advisor's own events, which fixtures.ts does not record.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__advisorEvents = [];
    for (const type of ["sf:advisor-answer", "sf:advisor-result"]) {
      window.addEventListener(type, (e) => window.__advisorEvents.push({ type, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail ?? null)) }), true);
    }
  });
});

async function catalogue(page: Page, locale: "de" | "en"): Promise<Map<string, Product>> {
  const res = await page.request.get(`/api/advisor/products?locale=${locale}&currency=EUR`);
  expect(res.ok()).toBe(true);
  return new Map((await res.json()).products.map((p: Product) => [p.id, p]));
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(adv.root(page)).toHaveAttribute("data-state", "ready");
}

async function advisorEvents(page: Page, type: string) {
  return (await page.evaluate(() => window.__advisorEvents)).filter((e) => e.type === type).map((e) => e.detail);
}

/** Answers the current question by mouse: clicks the labels, then Next (or Show results). */
async function answerByMouse(page: Page, labels: string[]) {
  for (const l of labels) await adv.option(page, l).click();
  await adv.button(page, "next").click();
}

/** What has focus inside the advisor's shadow root. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const host = document.activeElement;
    if (!host || host.localName !== "sf-advisor") return null;
    const e = host.shadowRoot!.activeElement as HTMLElement | null;
    if (!e) return null;
    return { tag: e.localName, type: e.getAttribute("type"), value: (e as HTMLInputElement).value, action: e.dataset.action ?? null, text: e.textContent };
  });
}

/** Presses Tab until `want` holds for the focused element inside the advisor. */
async function tabTo(page: Page, want: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, what: string) {
  for (let i = 0; i < 30; i++) {
    const f = await focused(page);
    if (f && want(f)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The reasons of a result card as read out: "✓erfüllt: im Budget". */
async function reasons(page: Page, card: number) {
  return (await adv.cards(page).nth(card).locator("[part=why] li").allTextContents()).map(norm);
}

async function resultIds(page: Page) {
  return adv.cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-product")));
}

test("German, by mouse: the luggage advisor ranks and explains backpacks for a train weekend", async ({ page, consoleLog }) => {
  const products = await catalogue(page, "de");
  await open(page, "/advisor.html");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welches Gepäck passt zu dir?");
  await expect(adv.progress(page)).toHaveText("Frage 1 von 5");
  await expect(adv.heading(page)).toHaveText("Wie reist du meistens?");
  await expect(adv.status(page)).toHaveText(`${products.size} passende Produkte`);
  await expectNoAxeViolations(page, "first question");

  await adv.option(page, "Mit Bahn oder Fernbus").click();
  // The laptop question branches in for train travellers.
  await expect(adv.progress(page)).toHaveText("Frage 1 von 6");
  await adv.button(page, "next").click();
  await expect(adv.heading(page)).toHaveText("Wie lange bist du meistens unterwegs?");
  await expect(adv.heading(page)).toBeFocused();
  await expect(adv.progress(page)).toHaveText("Frage 2 von 6");
  // Every option shows its live count.
  for (const c of await page.locator("sf-advisor label.option .count").allTextContents()) expect(c).toMatch(/^(\d+ passendes? Produkte?|kein passendes Produkt)$/);
  await answerByMouse(page, ["Ein paar Tage (1–3)"]);
  await answerByMouse(page, ["Auf dem Rücken"]);
  await expect(adv.heading(page)).toHaveText("Nimmst du einen Laptop mit?");
  await expect(page.locator("sf-advisor fieldset input[type=radio]")).toHaveCount(2);
  await answerByMouse(page, ["Ja"]);
  await expect(adv.heading(page)).toHaveText("Wie viel möchtest du höchstens ausgeben?");
  await page.getByLabel("Höchstens (EUR)").fill("100");
  await expect(adv.status(page)).toHaveText(/^\d+ passende Produkte$/);
  await adv.button(page, "next").click();
  await expect(adv.heading(page)).toHaveText("Was ist dir sonst noch wichtig?");
  await expect(page.locator("sf-advisor fieldset input[type=checkbox]")).toHaveCount(7);
  await expect(adv.button(page, "next")).toHaveText("Ergebnisse anzeigen");
  await expectNoAxeViolations(page, "multiple choice");
  await answerByMouse(page, ["Wasserdicht"]);

  await expect(adv.heading(page)).toHaveText("Unsere Empfehlungen für dich");
  await expect(adv.heading(page)).toBeFocused();
  expect(await resultIds(page)).toEqual(["reiserucksack-40", "rolltop-rucksack-30", "unterflug-rucksack-18"]);
  await expect(adv.relaxed(page)).toHaveCount(0);
  for (const [i, id] of (await resultIds(page)).entries()) {
    const p = products.get(id!)!;
    const card = adv.cards(page).nth(i);
    await expect(card.locator(".name a")).toHaveText(p.title);
    await expect(card.locator(".name a")).toHaveAttribute("href", p.url);
    expect(norm(await card.locator(".price").textContent())).toBe(fmt(p.price, "EUR", "de-DE"));
    await expect(card.locator("img")).toHaveAttribute("width", "96");
    const why = await reasons(page, i);
    // Every filter holds (nothing was relaxed).
    for (const r of ["✓erfüllt: bis 45 Liter", "✓erfüllt: mit Rucksackgurten", "✓erfüllt: mit Laptopfach", "✓erfüllt: im Budget"]) expect(why).toContain(r);
  }
  expect(await reasons(page, 0)).toEqual([
    "✓erfüllt: leicht zu tragen (bis 2,5 kg)",
    "✓erfüllt: bis 45 Liter",
    "✓erfüllt: mit Rucksackgurten",
    "✓erfüllt: mit Laptopfach",
    "✓erfüllt: im Budget",
    "✓erfüllt: wasserdicht",
  ]);
  await expect(adv.cards(page).first().locator(".match")).toHaveText("100 % passend");
  // On screen the reasons read "✓ leicht zu tragen (bis 2,5 kg) · ✓ bis 45 Liter · …".
  expect(await adv.cards(page).first().locator("[part=why] li").nth(1).evaluate((e) => getComputedStyle(e, "::before").content)).toBe('" · "');
  await expect(adv.cards(page).first().locator("[part=why] li .sym").first()).toHaveAttribute("aria-hidden", "true");

  const answers = await advisorEvents(page, "sf:advisor-answer");
  expect(answers.map((a) => a.question)).toEqual(["trip", "duration", "carry", "laptop", "budget", "extras"]);
  expect(answers[4].answer).toEqual({ min: null, max: 10000 });
  const results = await advisorEvents(page, "sf:advisor-result");
  expect(results).toHaveLength(1);
  expect(results[0].products.map((p: any) => p.id)).toEqual(["reiserucksack-40", "rolltop-rucksack-30", "unterflug-rucksack-18"]);
  expect(results[0].relaxed).toEqual([]);
  expect((await sfEvents(page, "sf:ready")).filter((e) => e.target === "sf-advisor")).toHaveLength(1);
  await expectNoAxeViolations(page, "German results");
  expectCleanConsole(consoleLog);
});

test("English, by keyboard only: cabin baggage for a long trip relaxes the trip length and says so", async ({ page, consoleLog }) => {
  const products = await catalogue(page, "en");
  await open(page, "/advisor.html?lang=en");
  await expect(adv.heading(page)).toHaveText("How do you usually travel?");
  await expect(adv.progress(page)).toHaveText("Question 1 of 5");

  // Tab into the radio group (first option focused), Space chooses it.
  await tabTo(page, (f) => f.type === "radio", "the first radio button");
  expect((await focused(page))!.value).toBe("flight");
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/^By plane, with cabin baggage only/)).toBeChecked();
  await tabTo(page, (f) => f.action === "next", "Next");
  await page.keyboard.press("Enter");
  await expect(adv.heading(page)).toHaveText("How long are your trips usually?");
  await expect(adv.heading(page)).toBeFocused();
  await expect(adv.progress(page)).toHaveText("Question 2 of 6");

  // Arrow keys move through the group and choose: the third option.
  await tabTo(page, (f) => f.type === "radio", "the radio group");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  expect((await focused(page))!.value).toBe("long");
  await expect(page.getByLabel(/^Longer than a week/)).toBeChecked();
  await expect(adv.status(page)).toHaveText(/^(\d+ matching products?|no matching product)$/);
  await tabTo(page, (f) => f.action === "next", "Next");
  await page.keyboard.press("Enter");

  await expect(adv.heading(page)).toHaveText("How do you want to carry your luggage?");
  await expect(adv.heading(page)).toBeFocused();
  // Back (Shift+Tab order: Back comes before Next) returns with the answer kept.
  await tabTo(page, (f) => f.action === "back", "Back");
  await page.keyboard.press("Enter");
  await expect(adv.heading(page)).toHaveText("How long are your trips usually?");
  await expect(page.getByLabel(/^Longer than a week/)).toBeChecked();
  await tabTo(page, (f) => f.action === "next", "Next");
  await page.keyboard.press("Enter");

  // Wait for each new question (and its focused heading) before tabbing: on a busy machine
  // the keys would otherwise reach the previous question's radio group.
  await expect(adv.heading(page)).toHaveText("How do you want to carry your luggage?");
  await expect(adv.heading(page)).toBeFocused();
  await tabTo(page, (f) => f.type === "radio", "the radio group");
  await page.keyboard.press("Space");
  await expect(page.locator("sf-advisor input[type=radio]").first()).toBeChecked();
  await tabTo(page, (f) => f.action === "next", "Next");
  await page.keyboard.press("Enter");
  await expect(adv.heading(page)).toHaveText("Do you bring a laptop?");
  await expect(adv.heading(page)).toBeFocused();
  await tabTo(page, (f) => f.type === "radio", "the radio group");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel(/^No/)).toBeChecked();
  await tabTo(page, (f) => f.action === "next", "Next");
  await page.keyboard.press("Enter");

  await expect(adv.heading(page)).toHaveText("What is the most you want to spend?");
  await expect(adv.heading(page)).toBeFocused();
  await tabTo(page, (f) => f.tag === "input" && f.type === "number", "the budget fields");
  await page.keyboard.press("Tab");
  await page.keyboard.type("150");
  await expect(page.locator("sf-advisor input[data-bound=max]")).toHaveValue("150");
  // Enter in the field submits the question.
  await page.keyboard.press("Enter");
  await expect(adv.heading(page)).toHaveText("What else matters to you?");
  await expect(adv.heading(page)).toBeFocused();
  // Optional: Skip.
  await tabTo(page, (f) => f.action === "skip", "Skip");
  await page.keyboard.press("Enter");

  await expect(adv.heading(page)).toHaveText("Our recommendations for you");
  await expect(adv.heading(page)).toBeFocused();
  expect(await resultIds(page)).toEqual(["handgepaeck-usb", "handgepaeck-leicht", "unterflug-trolley-25"]);
  await expect(adv.relaxed(page)).toHaveText("No product meets every wish. Left out: “Longer than a week”. These are the closest matches.");
  const first = products.get("handgepaeck-usb")!;
  await expect(adv.cards(page).first().locator(".name a")).toHaveText(first.title);
  expect(norm(await adv.cards(page).first().locator(".price").textContent())).toBe(fmt(first.price, "EUR", "en"));
  expect(await reasons(page, 0)).toEqual([
    "✓meets: fits as cabin baggage (55 × 40 × 23 cm)",
    "✓meets: large capacity",
    "✓meets: on wheels",
    "✓meets: four wheels",
    "✓meets: within budget",
    "✗does not meet: 80 litres or more",
    "✗does not meet: extra light (up to 2 kg)",
  ]);
  await expect(adv.cards(page).first().locator(".match")).toHaveText("74% match");
  const results = await advisorEvents(page, "sf:advisor-result");
  expect(results[0].relaxed).toEqual(["duration"]);

  // Add to cart by keyboard: the demo page adds it and the header count follows.
  await tabTo(page, (f) => f.action === "add", "Add to cart");
  expect(norm((await focused(page))!.text)).toBe(`Add to cart: ${first.title}`);
  await page.keyboard.press("Enter");
  await expect(page.locator("header [data-cart-count]")).toHaveText("1");
  // Start over.
  await tabTo(page, (f) => f.action === "restart", "Start over");
  await page.keyboard.press("Enter");
  await expect(adv.heading(page)).toHaveText("How do you usually travel?");
  await expect(adv.heading(page)).toBeFocused();
  await expect(page.locator("sf-advisor input:checked")).toHaveCount(0);
  await expectNoAxeViolations(page, "English, after restart");
  expectCleanConsole(consoleLog);
});

test("A result goes into the cart and the shipping bar moves", async ({ page, consoleLog }) => {
  const products = await catalogue(page, "de");
  await open(page, "/advisor.html");
  await expect(page.locator("sf-shipping-bar [part=root]")).toHaveAttribute("data-state", "progress");
  const before = norm(await page.locator("sf-shipping-bar [part=message]").textContent());
  await answerByMouse(page, ["Mit dem Auto"]);
  await answerByMouse(page, ["Etwa eine Woche (4–7 Tage)"]);
  await answerByMouse(page, ["Auf Rollen ziehen"]);
  await page.getByLabel("Höchstens (EUR)").fill("200");
  await adv.button(page, "next").click();
  await answerByMouse(page, ["Robuste Hartschale", "Erweiterbar für Mitbringsel"]);
  expect(await resultIds(page)).toEqual(["koffer-m", "koffer-m-leicht", "koffer-m-stoff"]);
  const add = adv.cards(page).first().locator("button.add");
  await expect(add).toHaveText(`In den Warenkorb: ${products.get("koffer-m")!.title}`);
  await add.click();
  await expect(page.locator("header [data-cart-count]")).toHaveText("1");
  // The page says what happened, on screen and in its status region (not only the header count).
  await expect(page.locator("main [data-status]")).toContainText(products.get("koffer-m")!.title);
  await expect(page.locator("main [data-status]")).toBeVisible();
  const adds = (await sfEvents(page, "sf:add-to-cart")).filter((e) => e.target === "sf-advisor");
  expect(adds.map((e) => e.detail)).toEqual([{ widget: "advisor", product_id: "koffer-m", quantity: 1, price: products.get("koffer-m")!.price, currency: "EUR", added: false }]);
  const cart = await expectBarMatchesBackend(page, "de", "Kostenloser Versand ist dabei");
  expect(cart.lines.map((l: any) => l.product_id)).toEqual(["koffer-m"]);
  expect(norm(await page.locator("sf-shipping-bar [part=message]").textContent())).not.toBe(before);
  expectCleanConsole(consoleLog);
});

test("A reload resumes the answers, but only after consent; a dead end counts the closest products", async ({ page, consoleLog }) => {
  await open(page, "/advisor.html");
  await answerByMouse(page, ["Mit dem Flugzeug, nur mit Handgepäck"]);
  await expect(adv.heading(page)).toHaveText("Wie lange bist du meistens unterwegs?");
  expect(await page.evaluate(() => sessionStorage.length), "nothing stored before consent").toBe(0);
  await page.reload();
  await expect(adv.root(page)).toHaveAttribute("data-state", "ready");
  await expect(adv.heading(page)).toHaveText("Wie reist du meistens?");

  // With consent: answers and step survive a reload.
  await page.getByRole("button", { name: "Erlauben" }).click();
  await expect(page.locator("[data-consent-status]")).toHaveText("Danke! Deine Antworten bleiben jetzt in diesem Tab erhalten.");
  await answerByMouse(page, ["Mit dem Flugzeug, nur mit Handgepäck"]);
  await answerByMouse(page, ["Ein paar Tage (1–3)"]);
  await expect(adv.heading(page)).toHaveText("Wie möchtest du dein Gepäck tragen?");
  expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem("sf-advisor")))!)).toEqual({ at: "carry", answers: { trip: ["flight"], duration: ["short"] } });
  await page.reload();
  await expect(adv.root(page)).toHaveAttribute("data-state", "ready");
  await expect(adv.heading(page)).toHaveText("Wie möchtest du dein Gepäck tragen?");
  await expect(adv.progress(page)).toHaveText("Frage 3 von 6");
  await expect(adv.status(page)).toHaveText("Deine Antworten von vorhin sind wieder da.");
  await adv.button(page, "back").click();
  await expect(page.getByLabel(/^Ein paar Tage/)).toBeChecked();
  await expectNoAxeViolations(page, "resumed");

  // A dead end: no cabin-size product holds a week's luggage. The later questions say so and
  // which answer their counts leave out, and count the closest products again; the results
  // relax the same answer.
  const note = "Kein Produkt passt zu all deinen bisherigen Antworten. Nicht berücksichtigt: „Etwa eine Woche (4–7 Tage)“.";
  await answerByMouse(page, ["Etwa eine Woche (4–7 Tage)"]);
  await expect(adv.heading(page)).toHaveText("Wie möchtest du dein Gepäck tragen?");
  await expect(adv.relaxed(page)).toHaveText(note);
  await expect(page.locator("sf-advisor fieldset")).toHaveAttribute("aria-describedby", (await adv.relaxed(page).getAttribute("id"))!);
  await expect(adv.status(page)).toHaveText("kein passendes Produkt");
  await expect(page.locator("sf-advisor label.option .count")).toHaveText(["11 passende Produkte", "10 passende Produkte", "7 passende Produkte"]);
  await expect(page.locator("sf-advisor label.option.zero")).toHaveCount(0);
  await expectNoAxeViolations(page, "dead end");
  await answerByMouse(page, ["Auf Rollen ziehen"]);
  await expect(adv.heading(page)).toHaveText("Nimmst du einen Laptop mit?");
  await expect(adv.relaxed(page)).toHaveText(note);
  await expect(page.locator("sf-advisor label.option .count")).toHaveText(["4 passende Produkte", "11 passende Produkte"]);
  await answerByMouse(page, ["Nein"]);
  await expect(adv.heading(page)).toHaveText("Wie viel möchtest du höchstens ausgeben?");
  await adv.button(page, "skip").click();
  await expect(adv.heading(page)).toHaveText("Was ist dir sonst noch wichtig?");
  await expect(adv.relaxed(page)).toHaveText(note);
  await adv.button(page, "skip").click();
  await expect(adv.heading(page)).toHaveText("Unsere Empfehlungen für dich");
  await expect(adv.relaxed(page)).toHaveText("Kein Produkt erfüllt alle Wünsche. Nicht berücksichtigt: „Etwa eine Woche (4–7 Tage)“. Das sind die am besten passenden Produkte.");
  const results = await advisorEvents(page, "sf:advisor-result");
  expect(results[results.length - 1].relaxed).toEqual(["duration"]);
  expectCleanConsole(consoleLog);
});

test("No layout shift when the advisor arrives, and 320 px wide works", async ({ page, consoleLog }) => {
  for (const width of [1000, 320]) {
    await page.setViewportSize({ width, height: 700 });
    await open(page, "/advisor.html");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    expect(await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts })), `${width} px`).toEqual({ cls: 0, shifts: [] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px: no sideways scrolling`).toBeLessThanOrEqual(width);
  }
  expectCleanConsole(consoleLog);
});

test("A failing or malformed catalogue shows a fallback with a retry and an sf:error", async ({ page, consoleLog }) => {
  await page.goto("/advisor.html");
  await expect(adv.root(page)).toHaveAttribute("data-state", "ready");
  for (const [fault, kind] of [[{ mode: "error", status: 500 }, "http-500"], [{ mode: "malformed" }, "malformed-json"]] as const) {
    await setFault(page, { ...fault, path_prefix: "/api/advisor" });
    await page.reload();
    await expect(adv.root(page)).toHaveAttribute("data-state", "error");
    await expect(page.locator("sf-advisor [role=alert]")).toHaveText("Der Produktberater ist gerade nicht erreichbar.");
    await expect(adv.root(page)).not.toHaveAttribute("aria-busy", "true");
    const errors = (await sfEvents(page, "sf:error")).filter((e) => e.target === "sf-advisor");
    expect(errors.map((e) => e.detail.kind)).toEqual([kind]);
    expect(new URL(errors[0].detail.url, "http://x").pathname).toBe("/api/advisor/products");
    // The rest of the page works: the shipping bar is there.
    await expect(page.locator("sf-shipping-bar [part=root]")).toHaveAttribute("data-state", "progress");
    await expectNoAxeViolations(page, `advisor fallback (${kind})`);
    // The backend recovers: "Erneut versuchen" loads the questions.
    await setFault(page, { mode: "none" });
    await adv.button(page, "retry").click();
    await expect(adv.heading(page)).toHaveText("Wie reist du meistens?");
  }
  // Only Chromium's own lines for the three failed loads of the catalogue (1 + 2 retries).
  const unexpected = consoleLog.filter((e) => !(e.type === "error" && e.text.startsWith("Failed to load resource: the server responded with a status of 500") && new URL(e.url).pathname === "/api/advisor/products"));
  expect(unexpected).toEqual([]);
  expect(consoleLog).toHaveLength(3);
});

test("Switching the shop to CHF shows the advisor's prices and budget in CHF", async ({ page, consoleLog }) => {
  await open(page, "/advisor.html");
  await expect(adv.heading(page)).toHaveText("Wie reist du meistens?");
  // The demo's currency switch changes the cart's currency and announces sf:cart-changed.
  const reloaded = page.waitForRequest((r) => r.url().includes("/api/advisor/products") && r.url().includes("currency=CHF"));
  await page.locator("[data-currency]").selectOption("CHF");
  await reloaded;
  // Through the questions (first option, or skip) to the budget and the results.
  for (let i = 0; i < 8; i++) {
    const heading = await adv.heading(page).textContent();
    if (heading === "Unsere Empfehlungen für dich") break;
    if (heading === "Wie viel möchtest du höchstens ausgeben?") {
      await expect(page.locator("sf-advisor label").filter({ hasText: "Höchstens" })).toContainText("(CHF)");
      await page.getByLabel("Höchstens (CHF)").fill("400");
      await adv.button(page, "next").click();
      await expect(adv.heading(page)).not.toHaveText(heading!);
      continue;
    }
    const radio = page.locator("sf-advisor input[type=radio]").first();
    if (await radio.count()) await radio.check();
    const skip = adv.button(page, "skip");
    if (!(await radio.count()) && (await skip.count())) await skip.click();
    else await adv.button(page, "next").click();
    await expect(adv.heading(page)).not.toHaveText(heading!);
  }
  await expect(adv.heading(page)).toHaveText("Unsere Empfehlungen für dich");
  const prices = await page.locator("sf-advisor [part=result] .price").allTextContents();
  expect(prices.length).toBeGreaterThan(0);
  for (const p of prices) expect(p).toContain("CHF");

  // Back to euros: a budget given in francs cannot stay, and the shopper is told it was removed.
  await page.locator("[data-currency]").selectOption("EUR");
  await expect(adv.status(page)).toHaveText("Die Preise sind jetzt in EUR. Deine Budget-Angabe haben wir entfernt.");
  for (const p of await page.locator("sf-advisor [part=result] .price").allTextContents()) expect(p).toContain("€");
  expectCleanConsole(consoleLog);
});
