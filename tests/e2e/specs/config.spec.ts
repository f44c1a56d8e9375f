// A broken schaufenster.json: one grouped console error naming every problem by its JSON path;
// the broken bar renders nothing; the rest of the page keeps working.

import { test, expect, expectNoAxeViolations, bar, addFromGrid, type ConsoleEntry, GRID_PRODUCTS } from "./fixtures";

function configErrors(log: ConsoleEntry[]) {
  return log.filter((e) => e.text.startsWith("Schaufenster:"));
}

test("A global config mistake disables every widget with one console error listing every path", async ({ page, consoleLog }) => {
  await page.goto("/test/broken-config.html");
  await expect.poll(() => consoleLog.length).toBeGreaterThan(0);
  await expect(bar.host(page)).toHaveAttribute("data-sf-state", "off");
  await expect(bar.host(page)).toBeHidden();
  expect(await bar.host(page).evaluate((e) => getComputedStyle(e).display)).toBe("none");
  expect(await bar.host(page).evaluate((e) => (e.shadowRoot ? e.shadowRoot.childElementCount : 0))).toBe(0);

  expect(consoleLog).toHaveLength(1);
  const [entry] = consoleLog;
  expect(entry.type).toBe("error");
  expect(entry.text).toMatch(/^Schaufenster: schaufenster\.json has 4 problems \(no widget will render until it is fixed\):/);
  for (const path of ["$.currency", "$.backend.timeout_ms", "$.theme.accent", "$.shipping_bar.tiers[0].thresholds[0].amount"]) {
    expect(entry.text).toContain(`error: ${path}:`);
  }
  expect(entry.text).toContain('did you mean "EUR"?');

  // The page itself works: products load, add to cart updates the header.
  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await addFromGrid(page, "kulturbeutel", 1);
  await expectNoAxeViolations(page, "global config error");
  expect(configErrors(consoleLog)).toHaveLength(1);
  expect(consoleLog).toHaveLength(1);
});

test("A broken shipping_bar section disables only the bar and lists its paths", async ({ page, consoleLog }) => {
  await page.goto("/test/broken-shipping-bar.html");
  await expect.poll(() => consoleLog.length).toBeGreaterThan(0);
  await expect(bar.host(page)).toHaveAttribute("data-sf-state", "off");
  await expect(bar.host(page)).toBeHidden();

  expect(consoleLog).toHaveLength(1);
  const [entry] = consoleLog;
  expect(entry.type).toBe("error");
  expect(entry.text).toMatch(/^Schaufenster: schaufenster\.json has 3 problems \(<sf-shipping-bar> disabled; the other widgets work\):/);
  for (const path of ["$.shipping_bar.tiers[0].thresholds[0].amount", "$.shipping_bar.tiers[1].id", "$.shipping_bar.tiers[2].reward"]) {
    expect(entry.text).toContain(`error: ${path}:`);
  }
  expect(entry.text).toContain('duplicate tier id "free-shipping"');

  await expect(page.locator("[data-product]")).toHaveCount(GRID_PRODUCTS);
  await addFromGrid(page, "daypack", 1);
  await expectNoAxeViolations(page, "shipping_bar section error");
  expect(consoleLog).toHaveLength(1);
});
