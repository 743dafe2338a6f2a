// Bad conditions a resident meets: a full device, a clock that is hours off.
import { test, expect, joinAs, unlock } from '../hub.mjs';

async function join(page, hub) {
  await joinAs(page, hub, { name: 'Testi' });
}

// Chromium does not enforce a lowered quota on an open database at once, so the test
// makes IndexedDB refuse writes the way a full device does: with a QuotaExceededError.
async function fillUpStorageOnDemand(page) {
  await page.addInitScript(() => {
    for (const method of ['add', 'put']) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (...args) {
        if (globalThis.__storageFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
}

test('a full device says so, keeps the text in the form, and loses nothing saved before', async ({ page, hub }) => {
  await fillUpStorageOnDemand(page);
  await join(page, hub);
  await page.getByLabel('What happened today?').fill('Tallessa ennen kuin tila loppui.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry')).toHaveCount(1);

  await page.evaluate(() => { globalThis.__storageFull = true; });

  const text = 'Tämä ei mahdu laitteelle.';
  await page.getByLabel('What happened today?').fill(text);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert').first()).toContainText('out of storage space');
  await expect(page.getByLabel('What happened today?')).toHaveValue(text);
  await expect(page.getByTestId('entry')).toHaveCount(1);

  // Room again: the same text saves once, not twice.
  await page.evaluate(() => { globalThis.__storageFull = false; });
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry')).toHaveCount(2);
  await expect(page.getByTestId('entry').filter({ hasText: text })).toHaveCount(1);
  await page.reload();
  await unlock(page, 'Testi');
  await expect(page.getByTestId('entry')).toHaveCount(2);
});

test('a device clock hours off is pointed out, and sync still works', async ({ page, hub }) => {
  await page.clock.setSystemTime(Date.now() - 3 * 60 * 60 * 1000);
  await join(page, hub);
  await expect(page.getByRole('note')).toContainText("clock is about 3 hours off");
  await page.getByLabel('What happened today?').fill('Kello on väärässä.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('sync-status').first()).toContainText('Synced at');
});

test('a browser that blocks storage gets told plainly what to do', async ({ page, hub }) => {
  // Like a private window or a policy that blocks site data: IndexedDB cannot be opened.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('Access to IndexedDB is blocked.', 'SecurityError');
    };
  });
  await page.goto(hub.url);
  await expect(page.getByRole('heading', { name: 'Kumppani cannot save on this device' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Open Kumppani in a normal window');
});
