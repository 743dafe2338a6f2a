// A device's token is replaced every 30 days while the hub is reachable, and the device
// then signs in with the new one, after being closed and opened again too.
import { test, expect, joinAs, unlock } from '../hub.mjs';

const status = (page) => page.getByTestId('sync-status').first();
const DAY = 24 * 60 * 60 * 1000;

async function writeShared(page, text) {
  await page.getByLabel('What happened today?').fill(text);
  await page.getByLabel('Share with the project under my name').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry').filter({ hasText: text })).toHaveCount(1);
  await expect(status(page)).toContainText('Synced at', { timeout: 20_000 });
}

const count = (text, what) => text.split(what).length - 1;

test('a month later the device takes a new token and signs in with it', async ({ page, hub }) => {
  await joinAs(page, hub, { name: 'Tuija Tokeni' });
  await expect(status(page)).toContainText('Synced at');
  await writeShared(page, 'Ensimmäinen päivä.');
  expect(count(hub.log(), 'device token rotated'), 'a new device keeps its token').toBe(0);

  // A month on (the device's clock), the next sync brings a new token.
  await page.clock.setSystemTime(Date.now() + 31 * DAY);
  await writeShared(page, 'Kuukauden päästä.');
  await expect.poll(() => count(hub.log(), 'device token rotated')).toBe(1);

  // Closed and opened again, the device signs in with the new token, and syncs.
  await page.reload();
  await unlock(page, 'Tuija Tokeni');
  await expect(status(page)).toContainText('Synced at', { timeout: 20_000 });
  await expect.poll(() => count(hub.log(), 'device signed in with its new token')).toBe(1);
  await writeShared(page, 'Uudella tunnisteella.');
  expect(count(hub.log(), 'device token rotated'), 'not again within the month').toBe(1);
});
