// www/themes.html: the same widgets in three themes made only of custom properties and
// ::part() rules (docs/theming.md), side by side.

import { test, expect, expectCleanConsole, expectNoAxeViolations, sfEvents } from "./fixtures";

test("Three themes side by side restyle the same widgets through custom properties and ::part()", async ({ page, consoleLog }) => {
  await page.goto("/themes.html");
  await expect.poll(async () => (await sfEvents(page, "sf:ready")).filter((e) => e.target === "sf-shipping-bar").length, { message: "three bars ready" }).toBe(3);
  const fills = page.locator("sf-shipping-bar [part=fill]");
  await expect(fills).toHaveCount(3);
  const style = (i: number) => fills.nth(i).evaluate((el) => ({ color: getComputedStyle(el).backgroundColor, image: getComputedStyle(el).backgroundImage }));
  const [light, dark, brand] = [await style(0), await style(1), await style(2)];
  expect(light.color).toBe("rgb(11, 110, 79)"); // --sf-accent's default
  expect(dark.color).toBe("rgb(95, 207, 159)"); // the dark column's --sf-accent
  expect(brand.image).toContain("repeating-linear-gradient"); // ::part(fill) from the page
  const radius = (i: number) => page.locator("sf-shipping-bar [part=root]").nth(i).evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
  expect(await radius(0)).toBe("8px");
  expect(await radius(2)).toBe("0px"); // --sf-radius: 0
  // The badges and loyalty launchers render in every column too.
  await expect(page.locator("sf-social-proof [part=badge]")).toHaveCount(3);
  await expect(page.locator("sf-loyalty [part=launcher]")).toHaveCount(3);
  await expectNoAxeViolations(page, "three themes");
  expectCleanConsole(consoleLog);
});
