// The tab closed in the middle of a burst of writes, again and again: every entry the
// app said was saved on this device is there when the app is opened again, and nothing
// half-written keeps it from opening.
import { test, expect, joinAs, unlock } from '../hub.mjs';

const ROUNDS = process.env.KUMPPANI_LONG ? 100 : 20;
const NAME = 'Kiireinen Kirjoittaja';

const entries = (page) => page.getByTestId('entry');
const savedNote = (page) => page.getByRole('status').filter({ hasText: 'Saved on this device.' });

/** The texts of `expected` that the diary on `page` does not show. */
async function missing(page, expected) {
  const shown = await entries(page).allTextContents();
  return expected.filter((text) => !shown.some((s) => s.includes(text)));
}

test('entries shown as saved survive the tab closing mid-burst, round after round', async ({ browser, hub }) => {
  test.setTimeout(ROUNDS * 10_000 + 60_000);
  const phone = await browser.newContext();
  let page = await phone.newPage();
  await joinAs(page, hub, { name: NAME });
  const saved = [];
  let cutShort = 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) {
      page = await phone.newPage();
      await page.goto(`${hub.url}/diary`);
      await unlock(page, NAME);
      await expect.poll(() => missing(page, saved), { timeout: 15_000 }).toEqual([]);
    }
    // The tab goes away at a random moment of the burst, as a person swipes it shut.
    const closeAfter = 150 + Math.floor(Math.random() * 1200);
    const closing = new Promise((resolve) => setTimeout(resolve, closeAfter)).then(() => page.close());
    try {
      for (let i = 0; ; i++) {
        const text = `Kierros ${round}, merkintä ${i}.`;
        await page.getByLabel('What happened today?').fill(text);
        await expect(savedNote(page)).toBeHidden();
        await page.getByRole('button', { name: 'Save entry' }).click();
        await expect(savedNote(page)).toBeVisible();
        saved.push(text);
      }
    } catch (e) {
      if (!page.isClosed()) throw e;
      cutShort += 1;
    }
    await closing;
  }
  page = await phone.newPage();
  await page.goto(`${hub.url}/diary`);
  await unlock(page, NAME);
  await expect.poll(() => missing(page, saved), { timeout: 15_000 }).toEqual([]);
  expect(saved.length, 'entries were saved between the closes').toBeGreaterThan(ROUNDS);
  expect(cutShort, 'every round ended with the tab closing').toBe(ROUNDS);
  await phone.close();
});
