// The hub serves the built web app at its root, under a strict Content-Security-Policy.
import { test, expect } from '../hub.mjs';

test('the hub serves the app', async ({ page, hub }) => {
  await page.goto(hub.url);
  await expect(page).toHaveTitle(/Kumppani/);
});

test('the app runs under a Content-Security-Policy that refuses injected script', async ({ page, hub, cspRefusals }) => {
  const res = await page.goto(hub.url);
  expect(res.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // The wasm compiled and the app drew its first screen under the policy.
  await expect(page.getByLabel('Link code')).toBeVisible({ timeout: 20_000 });
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return window.injected === true;
  });
  expect(ran).toBe(false);
  // The watch every test has sees the refusal; this one was expected.
  await expect.poll(() => cspRefusals.length).toBeGreaterThan(0);
  cspRefusals.length = 0;
});
