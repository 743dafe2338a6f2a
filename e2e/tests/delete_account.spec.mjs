// A resident deletes their account from Settings and keeps their idea without their name.
// The organiser, offline meanwhile, answers that idea; back online, the organiser's app
// moves to the project's rewritten documents, keeps the answer made offline, and no longer
// shows the name. The hub's database file holds the name nowhere.
import { readFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { test, expect, joinAs, unlock } from '../hub.mjs';

const ORGANISER_CODE = 'kirkas-majakka';
const NAME = 'Riikka Poistuja';
const TITLE = 'Lukunurkka kirjaston ikkunan eteen';

async function join(browser, hub, code, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await joinAs(page, hub, { code, name });
  return { context, page };
}

const status = (page) => page.getByTestId('sync-status').first();

async function openIdea(page) {
  await page.getByRole('link', { name: 'Ideas', exact: true }).click();
  await page.getByRole('link', { name: TITLE }).click({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
}

test('a deleted account keeps its idea nameless, and an offline answer survives the rewrite', async ({ browser, hub }) => {
  test.setTimeout(120_000);
  const org = await join(browser, hub, ORGANISER_CODE, 'Olli Organisaattori');
  const r = await join(browser, hub, hub.joinCode, NAME);

  await r.page.getByRole('link', { name: 'Ideas', exact: true }).click();
  await expect(r.page.getByRole('link', { name: 'Penkkejä Hervannan puistoon' })).toBeVisible({ timeout: 20_000 });
  await r.page.getByRole('link', { name: 'New idea' }).click();
  await r.page.getByLabel('Title').fill(TITLE);
  await r.page.getByLabel('Describe your idea').fill('Ikkunan eteen nojatuoleja ja lamppu.');
  await r.page.getByLabel('Theme').selectOption('Liikenne');
  await r.page.getByRole('button', { name: 'Submit idea' }).click();
  await expect(r.page.getByRole('heading', { name: TITLE })).toBeVisible({ timeout: 20_000 });

  // The organiser reads it under her name, then answers it with no network.
  await openIdea(org.page);
  await expect(org.page.getByText(NAME).first()).toBeVisible();
  await org.context.setOffline(true);
  await expect(status(org.page)).toContainText('Offline');
  await org.page.getByLabel('New status').selectOption({ label: 'Accepted' });
  await org.page.getByLabel('Note to the author and supporters').fill('Nurkka kalustetaan syksyllä.');
  await org.page.getByRole('button', { name: 'Send answer' }).click();
  await expect(org.page.getByRole('status').filter({ hasText: 'Answer saved on this device.' })).toBeVisible();

  // She deletes her account, keeping her ideas without her name; asked first.
  await r.page.getByRole('link', { name: 'Settings' }).click();
  const card = r.page.getByTestId('delete-account');
  await expect(card).toContainText('This device then forgets this profile');
  await card.getByLabel('Keep them without my name').check();
  await card.getByRole('button', { name: 'Delete my account…' }).click();
  await expect(card).toContainText('Delete your account for good? This cannot be undone.');
  await card.getByRole('button', { name: 'Keep it' }).click();
  await card.getByRole('button', { name: 'Delete my account…' }).click();
  await card.getByRole('button', { name: 'Yes, delete my account' }).click();
  // This device has forgotten the profile: it asks to join again.
  await expect(r.page.getByRole('button', { name: 'Join', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(r.page.getByText(NAME)).toHaveCount(0);

  // Back online, the organiser's app follows the rewritten documents: the answer made
  // offline is there, and the idea no longer carries her name.
  await org.context.setOffline(false);
  await expect(status(org.page)).toContainText('Synced at', { timeout: 30_000 });
  await expect(org.page.getByTestId('idea-status')).toContainText('Accepted', { timeout: 30_000 });
  // And so it stays when the app is opened again (from the new documents it stored).
  await org.page.reload();
  await unlock(org.page, 'Olli Organisaattori');
  await openIdea(org.page);
  await expect(org.page.getByTestId('idea-status')).toContainText('Accepted', { timeout: 20_000 });
  await expect(org.page.getByText('Nurkka kalustetaan syksyllä.')).toBeVisible();
  await expect(org.page.getByText(NAME)).toHaveCount(0);
  await expect(org.page.getByRole('alert')).toHaveCount(0);

  await org.context.close();
  await r.context.close();
  // Nothing of her name is left in the hub's database.
  await hub.stop();
  const db = await readFile(joinPath(hub.dataDir, 'kumppani.sqlite3'));
  expect(db.includes(Buffer.from(NAME)), 'her name is in the database file').toBe(false);
});
