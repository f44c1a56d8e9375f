// Config playground (www/playground.html): the shop owner edits schaufenster.json and sees every
// problem with its JSON path live (the validator as its own wasm, crates/playground) and a
// preview of the five widgets that follows the edited config while it has no errors.
//
// Edits go through the textarea's input events (Playwright's fill); the page checks 300 ms
// after the last one. The console must stay empty throughout (CSP violations are console errors
// through fixtures.ts): the page never hands a config with errors to configure(), which would
// report it there.

import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, expectCleanConsole, expectNoAxeViolations, bar, fmt, norm } from "./fixtures";

const DEMO = readFileSync(path.join(__dirname, "..", "..", "..", "www", "schaufenster.json"), "utf8");

const pg = {
  text: (page: Page) => page.locator("textarea#config-text"),
  summary: (page: Page) => page.locator("[data-summary]"),
  problems: (page: Page) => page.locator("[data-problems] > li"),
  note: (page: Page) => page.locator("[data-preview-note]"),
};

/** Line (1-based) of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

/** The problems as shown: the button's text and the details below it. */
async function shown(page: Page): Promise<string[]> {
  return (await pg.problems(page).allTextContents()).map(norm);
}

/** Waits until the shipping bar's message names `amount` (the bar is empty before it loads). */
async function expectBarMessage(page: Page, amount: string) {
  await expect.poll(async () => norm((await bar.message(page).allTextContents()).join(" ")), { message: `bar message with ${amount}` }).toContain(amount);
}

async function open(page: Page, query = "") {
  await page.goto(`/playground.html${query}`);
  await expect(pg.text(page)).toBeEnabled();
}

test("the demo config has no problems and all five widgets preview it", async ({ page, consoleLog }) => {
  await open(page);
  await expect(pg.summary(page)).toHaveText("Keine Probleme");
  await expect(pg.summary(page)).toHaveAttribute("aria-live", "polite");
  await expect(pg.problems(page)).toHaveCount(0);
  expect(await page.getByLabel("Konfiguration (JSON)").inputValue()).toBe(DEMO);
  await expect(pg.note(page)).toHaveText("Die Vorschau zeigt deine aktuelle Konfiguration.");
  // Every widget rendered into its shadow root.
  for (const name of ["sf-shipping-bar", "sf-social-proof", "sf-faq", "sf-advisor", "sf-loyalty"]) {
    await expect.poll(() => page.locator(name).evaluate((e) => (e.shadowRoot?.childElementCount ?? 0) > 0), { message: `${name} rendered` }).toBe(true);
  }
  await expectBarMessage(page, fmt(5000, "EUR", "de-DE"));
  await expectNoAxeViolations(page, "demo config");
  expectCleanConsole(consoleLog);
});

test("mistakes show live with their paths and hints; fixed, the preview follows the edit", async ({ page, consoleLog }) => {
  await open(page);
  await expect(pg.summary(page)).toHaveText("Keine Probleme");
  await expectBarMessage(page, fmt(5000, "EUR", "de-DE"));

  // A wrong currency and a misspelt key.
  const broken = DEMO.replace('"currency": "EUR"', '"currency": "EURO"').replace('"max_badges"', '"max_badge"');
  await pg.text(page).fill(broken);
  await expect(pg.summary(page)).toHaveText("2 Fehler");
  const items = await shown(page);
  expect(items).toHaveLength(2);
  expect(items[0]).toContain(`Fehler $.currency Zeile ${lineOf(broken, '"currency": "EURO"')}, Spalte 3`);
  expect(items[0]).toContain('Gefunden: "EURO"');
  expect(items[1]).toContain(`Fehler $.social_proof.max_badge Zeile ${lineOf(broken, '"max_badge"')}, Spalte 5`);
  expect(items[1]).toContain('Unbekannter Schlüssel "max_badge"');
  expect(items[1]).toContain('Tipp: Meintest du "max_badges"?');
  // The preview keeps the last good config and says so.
  await expect(pg.note(page)).toHaveText(/letzten Stand ohne Fehler/);
  await expectBarMessage(page, fmt(5000, "EUR", "de-DE"));

  // Clicking a problem (here by keyboard) selects its place in the text.
  await pg.problems(page).first().getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(pg.text(page)).toBeFocused();
  const selected = await pg.text(page).evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
  expect(selected).toBe('"currency": "EURO"');
  await expectNoAxeViolations(page, "two problems listed");

  // Fixed, with a lower free-shipping threshold: no problems, and the bar shows the new one.
  await pg.text(page).fill(DEMO.replace('{ "currency": "EUR", "amount": 5000 }', '{ "currency": "EUR", "amount": 3000 }'));
  await expect(pg.summary(page)).toHaveText("Keine Probleme");
  await expect(pg.problems(page)).toHaveCount(0);
  await expectBarMessage(page, fmt(3000, "EUR", "de-DE"));
  await expect(pg.note(page)).toHaveText("Die Vorschau zeigt deine aktuelle Konfiguration.");
  expectCleanConsole(consoleLog);
});

test("a JSON syntax error names its line and column", async ({ page, consoleLog }) => {
  await open(page);
  await expect(pg.summary(page)).toHaveText("Keine Probleme");
  // The comma after "country": "DE" removed: the next key is where JSON breaks.
  const broken = DEMO.replace('"country": "DE",', '"country": "DE"');
  await pg.text(page).fill(broken);
  await expect(pg.summary(page)).toHaveText("1 Fehler");
  const [item] = await shown(page);
  expect(item).toContain(`Fehler JSON-Syntax Zeile ${lineOf(broken, '"backend"')}, Spalte 3`);
  expect(item).toContain("Nach einem Eintrag wird , oder } erwartet");
  expect(item).toContain("Zwischen zwei Einträgen fehlt ein Komma.");
  await expectNoAxeViolations(page, "syntax error");
  // Restoring the example clears it.
  await page.getByRole("button", { name: "Beispiel wiederherstellen" }).click();
  await expect(pg.summary(page)).toHaveText("Keine Probleme");
  expectCleanConsole(consoleLog);
});

test("English with ?lang=en, warnings counted apart from errors", async ({ page, consoleLog }) => {
  await open(page, "?lang=en");
  await expect(page).toHaveTitle("Test your configuration – Kofferkontor");
  await expect(pg.summary(page)).toHaveText("No problems");
  const text = page.getByLabel("Configuration (JSON)");
  // A key given twice is a warning (the browser keeps the last value); plus one error.
  await text.fill(DEMO.replace('"locale": "de-DE"', '"locale": 5').replace('"currency": "EUR",', '"currency": "EUR", "currency": "EUR",'));
  await expect(pg.summary(page)).toHaveText("1 error, 1 warning");
  const items = await shown(page);
  expect(items[0]).toMatch(/^Error \$\.locale line 3, column 3/);
  expect(items[1]).toMatch(/^Warning \$\.currency line 4, column 22/);
  await expectNoAxeViolations(page, "English, problems listed");
  expectCleanConsole(consoleLog);
});

test("messages and hints in the page's language: German by default, English with ?lang=en", async ({ page, consoleLog }) => {
  // A typical mistake: an amount written as a price text instead of cents.
  const broken = DEMO.replace('{ "currency": "EUR", "amount": 5000 }', '{ "currency": "EUR", "amount": "50,00" }');
  const place = `$.shipping_bar.tiers[0].thresholds[0].amount Zeile ${lineOf(broken, '"50,00"')}`;
  await open(page);
  await pg.text(page).fill(broken);
  await expect(pg.summary(page)).toHaveText("1 Fehler");
  let [item] = await shown(page);
  expect(item).toContain(place);
  expect(item).toContain("Erwartet wird eine Zahl, gefunden wurde ein Text");
  expect(item).toContain('Gefunden: "50,00"');
  expect(item).toContain("Tipp: Beträge sind ganze Zahlen in der kleinsten Währungseinheit (Cent): 4900 bedeutet 49,00 €; meintest du 5000?");
  expect(item).not.toContain("expected a number");

  await open(page, "?lang=en");
  await pg.text(page).fill(broken);
  await expect(pg.summary(page)).toHaveText("1 error");
  [item] = await shown(page);
  expect(item).toContain(place.replace("Zeile", "line"));
  expect(item).toContain("expected a number, found a string");
  expect(item).toContain('Found: "50,00"');
  expect(item).toContain("Hint: amounts are whole numbers of minor units (cents): 4900 means 49,00 €; did you mean 5000?");
  expectCleanConsole(consoleLog);
});
