// The hub serves the built web app at its root.
import { test, expect } from '../hub.mjs';

test('the hub serves the app', async ({ page, hub }) => {
  await page.goto(hub.url);
  await expect(page).toHaveTitle(/Kumppani/);
});
