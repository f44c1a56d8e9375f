// The plain-HTML example (examples/plain-html): one stylesheet, one script tag, one config
// file, five custom elements. `./x test` copies it with the unpacked npm tarball into
// www/plain/, so this is the package as a shop would download it.

import { test, expect, expectCleanConsole, expectNoAxeViolations, sfEvents, norm } from "./fixtures";

test("The shortest embed renders every configured widget from one config file", async ({ page, consoleLog }) => {
  await page.goto("/plain/");
  await expect
    .poll(async () => new Set((await sfEvents(page, "sf:ready")).map((e) => e.detail.widget)), { message: "sf:ready of each widget" })
    .toEqual(new Set(["shipping-bar", "social-proof", "faq", "advisor"]));
  // The inline cart (79.00 €) against the 100.00 € tier.
  await expect(page.locator("sf-shipping-bar [part=message]")).toHaveText(/€21\.00 away from free shipping/);
  await expect(page.locator("sf-faq [role=combobox]")).toBeVisible();
  await page.locator("sf-faq [role=combobox]").fill("refund");
  await expect(page.locator("sf-faq [role=option]").first()).toContainText("When will I get my refund?");
  // The advisor's inline catalogue: cabin baggage → the two small bags.
  await expect(page.locator("sf-advisor h2")).toHaveText("Will you take it on board as cabin baggage?");
  await page.locator("sf-advisor").getByLabel(/^Yes/).check();
  await page.locator("sf-advisor [data-action=next]").click();
  await page.locator("sf-advisor [data-action=next]").click();
  await expect(page.locator("sf-advisor h2")).toHaveText(/recommend|for you/i);
  const names = await page.locator("sf-advisor [part=result] h3").allTextContents();
  expect(names.map(norm)).toEqual(expect.arrayContaining(["Travel Pack 40 l", "Daypack 20 l"]));
  expect(names.map(norm)).not.toContain("Trolley M, 65 l");
  await expectNoAxeViolations(page, "plain-HTML example");
  expectCleanConsole(consoleLog);
});
