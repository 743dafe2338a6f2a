// Playwright drives the system Chromium (/usr/bin/chromium); we never download
// Playwright's own browsers. `cargo xtask test` sets KUMPPANI_HUB_BIN and
// KUMPPANI_STATIC_DIR, which e2e/hub.mjs needs to start hubs.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 390, height: 844 }, // a phone
    hasTouch: true,
    // The specs read the English words; languages.spec.mjs sets its own locales.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.KUMPPANI_CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', // CI runs as root
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
