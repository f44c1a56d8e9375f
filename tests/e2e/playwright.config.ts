import { defineConfig, devices } from "@playwright/test";

// End-to-end tests of the demo storefront (www/) against the reference backend.
// The browser is the system Chromium; never run `npx playwright install` here.
const PORT = Number(process.env.SF_E2E_PORT || 4817);
const BASE = `http://127.0.0.1:${PORT}`;
const CI = !!process.env.CI;

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  // The shipping bar retries a timed-out request twice (3 × 4 s + back-off), so a fault test
  // may legitimately need ~15 s.
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: CI ? 2 : undefined,
  reporter: "list",
  use: {
    baseURL: BASE,
    locale: "de-DE",
    viewport: { width: 1000, height: 700 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1000, height: 700 } } }],
  webServer: {
    command: `../../target/release/schaufenster-backend --addr 127.0.0.1:${PORT} --www ../../www --faults`,
    url: `${BASE}/api/health`,
    reuseExistingServer: !CI,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
