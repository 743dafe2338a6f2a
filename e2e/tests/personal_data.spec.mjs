// A member downloads everything of theirs from Settings as one JSON file: the diary with
// what is shared, the private entries that exist only on this device, sign-ups and ideas.
import { readFile } from 'node:fs/promises';
import { test, expect, joinAs } from '../hub.mjs';

const PRIVATE = 'Yksityinen: nukuin huonosti, kukaan ei tiedä.';
const SHARED = 'Jaettu: kerhon ilta oli lämmin ja hyvin järjestetty.';

async function write(page, text, share) {
  await page.getByLabel('What happened today?').fill(text);
  await page.getByLabel(share).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry').filter({ hasText: text })).toHaveCount(1);
}

test('a member downloads all of their data from Settings as JSON', async ({ page, hub }) => {
  await joinAs(page, hub, { name: 'Tiina Tietopyyntö' });
  await write(page, PRIVATE, 'Only me (private, on this device)');
  await write(page, SHARED, 'Share with the project under my name');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kumppani-my-data.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));

  expect(data.format).toBe('kumppani-personal-data');
  expect(data.owner.display_name).toBe('Tiina Tietopyyntö');
  expect(data.owner.project_name).toBeTruthy();
  expect(data.private_diary.map((e) => e.text)).toEqual([PRIVATE]);
  const shared = data.diary.find((e) => e.text === SHARED);
  expect(shared.shared_with_organisers).toBe('Named');
  // The private entry is only in the private part, never in the synced diary.
  expect(data.diary.some((e) => e.text === PRIVATE)).toBe(false);
  for (const list of ['signups', 'ideas', 'supports', 'comments', 'reports']) {
    expect(Array.isArray(data[list]), list).toBe(true);
  }
});
