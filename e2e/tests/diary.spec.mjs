// The foundation issue's user story, end to end: join, write, go offline, close and
// reopen the tab offline, come back online, link a second device, write on both offline.
// Entries that travel between devices are shared ones; private entries stay where written.
import { test, expect, joinAs, passNotice, unlock, TEST_PIN } from '../hub.mjs';

const status = (page) => page.getByTestId('sync-status').first();
const entries = (page) => page.getByTestId('entry');

const SHARE_NAMED = 'Share with the project under my name';

async function writeEntry(page, text, { mood = '4 · Good', tags = '', share = SHARE_NAMED } = {}) {
  await page.getByLabel('What happened today?').fill(text);
  await page.getByLabel(mood).check();
  if (tags) await page.getByLabel('Tags (separate with commas)').fill(tags);
  if (share) await page.getByLabel(share).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(entries(page).filter({ hasText: text })).toHaveCount(1);
  // The form lets go of the text only once the entry is saved on this device.
  await expect(page.getByLabel('What happened today?')).toHaveValue('');
}

async function goOffline(context, page) {
  await context.setOffline(true);
  await expect(status(page)).toContainText('Offline');
}

test('a resident joins, writes offline, reopens the app offline and syncs when back online', async ({ browser, hub }) => {
  const phoneA = await browser.newContext();
  let page = await phoneA.newPage();

  // Step 2: the join link fills in the code; a name is all that is left.
  await page.goto(`${hub.url}/join?code=${hub.joinCode}`);
  await expect(page.getByLabel('Project code')).toHaveValue(hub.joinCode);
  await page.getByLabel('Your name (as others will see it)').fill('Testi Asukas');
  // A PIN that is not repeated the same is refused before anything is sent.
  await page.getByLabel('Choose a PIN (4 to 12 digits)').first().fill(TEST_PIN);
  await page.getByLabel('The same PIN again').first().fill('1357');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('not the same');
  await page.getByLabel('The same PIN again').first().fill(TEST_PIN);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await passNotice(page);
  await expect(page.getByText('Hervannan kumppanuus')).toBeVisible();
  // The service worker takes over, so the app can start with no network later.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

  // Step 3: write, see it listed, synced.
  await writeEntry(page, 'Kirjaston lukunurkassa oli hyvä tunnelma.', { tags: 'kirjasto, ilta' });
  await expect(status(page)).toContainText('Synced at');
  const first = entries(page).filter({ hasText: 'Kirjaston lukunurkassa' });
  await expect(first.getByRole('list', { name: 'Tags' })).toContainText('kirjasto');

  // Step 4: the network goes and the hub is gone too; writing goes on.
  await goOffline(phoneA, page);
  await hub.stop();
  await writeEntry(page, 'Bussipysäkin valo ei toimi.', { mood: '2 · Bad' });
  await expect(status(page)).toContainText('1 change waiting to sync');
  await writeEntry(page, 'Tämä poistetaan.');
  await entries(page).filter({ hasText: 'Tämä poistetaan.' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(entries(page).filter({ hasText: 'Tämä poistetaan.' })).toHaveCount(0);

  // Newest first: the entries are listed by their date, the latest on top.
  await expect(entries(page).first()).toContainText('Bussipysäkin valo ei toimi.');

  // The tab is closed and the app opened again, still with no network and no hub.
  await page.close();
  page = await phoneA.newPage();
  await page.goto(`${hub.url}/diary`);
  await unlock(page, 'Testi Asukas');
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).filter({ hasText: 'Bussipysäkin valo ei toimi.' })).toHaveCount(1);
  await expect(status(page)).toContainText('Offline');
  await expect(status(page)).toContainText('waiting to sync');

  // Edit offline: the change is kept and synced later.
  await entries(page).filter({ hasText: 'Bussipysäkin' }).getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Edit the entry').fill('Bussipysäkin valo ei toimi vieläkään.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(entries(page).filter({ hasText: 'vieläkään' })).toHaveCount(1);

  // Step 5: the network and the hub come back; the entries go up with no action.
  await hub.restart();
  await phoneA.setOffline(false);
  await expect(status(page)).toContainText('Synced at', { timeout: 20_000 });

  // Step 6: link a second device with a short single-use code.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Link another device' }).click();
  const code = (await page.getByTestId('link-code').textContent()).trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);

  const phoneB = await browser.newContext();
  const pageB = await phoneB.newPage();
  await pageB.goto(hub.url);
  await pageB.getByLabel('Link code').fill(code);
  await pageB.getByLabel('Choose a PIN (4 to 12 digits)').nth(1).fill('9753');
  await pageB.getByLabel('The same PIN again').nth(1).fill('9753');
  await pageB.getByRole('button', { name: 'Link this device' }).click();
  await passNotice(pageB);
  await expect(entries(pageB)).toHaveCount(2);
  await expect(entries(pageB).filter({ hasText: 'vieläkään' })).toHaveCount(1);
  await expect(status(pageB)).toContainText('Synced at');

  // The code worked once: a third device cannot use it again.
  const phoneC = await browser.newContext();
  const pageC = await phoneC.newPage();
  await pageC.goto(hub.url);
  await pageC.getByLabel('Link code').fill(code);
  await pageC.getByLabel('Choose a PIN (4 to 12 digits)').nth(1).fill('9753');
  await pageC.getByLabel('The same PIN again').nth(1).fill('9753');
  await pageC.getByRole('button', { name: 'Link this device' }).click();
  await expect(pageC.getByRole('alert')).toContainText(/used|not right/i);
  await phoneC.close();

  // Both devices write while offline; online again, both hold every entry exactly once.
  await page.getByRole('link', { name: 'Diary' }).click();
  await goOffline(phoneA, page);
  await goOffline(phoneB, pageB);
  await writeEntry(page, 'Puhelin A kirjoitti tämän.');
  await writeEntry(pageB, 'Puhelin B kirjoitti tämän.');
  await writeEntry(page, 'Vain puhelimessa A.', { share: 'Only me (private, on this device)' });
  await phoneA.setOffline(false);
  await phoneB.setOffline(false);
  // The private entry stays on phone A only.
  await expect(entries(page).filter({ hasText: 'Vain puhelimessa A.' })).toHaveCount(1);
  await expect(entries(page).filter({ hasText: 'Vain puhelimessa A.' }).getByTestId('entry-visibility'))
    .toHaveText('Private: only on this device');
  await expect(entries(page)).toHaveCount(5, { timeout: 20_000 });
  await expect(entries(pageB)).toHaveCount(4, { timeout: 20_000 });
  for (const p of [page, pageB]) {
    for (const text of ['Kirjaston lukunurkassa', 'vieläkään', 'Puhelin A kirjoitti', 'Puhelin B kirjoitti']) {
      await expect(entries(p).filter({ hasText: text })).toHaveCount(1);
    }
    await expect(status(p)).toContainText('Synced at', { timeout: 20_000 });
  }
  await phoneA.close();
  await phoneB.close();
});

test('a wrong join code gets a message a resident understands, and nothing is joined', async ({ page, hub }) => {
  await page.goto(hub.url);
  await page.getByLabel('Project code').fill('vaara-koodi');
  await page.getByLabel('Your name (as others will see it)').fill('Testi');
  await page.getByLabel('Choose a PIN (4 to 12 digits)').first().fill(TEST_PIN);
  await page.getByLabel('The same PIN again').first().fill(TEST_PIN);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  await expect(page.getByRole('heading', { name: 'Join a project' })).toBeVisible();
});

test('when the hub is stopped the status line says so, and the entries sync when it is back', async ({ page, hub }) => {
  await joinAs(page, hub, { name: 'Testi' });
  await expect(status(page)).toContainText('Synced at');
  await hub.stop();
  await expect(status(page)).toContainText('Cannot reach hub', { timeout: 20_000 });
  await writeEntry(page, 'Hubi oli poissa.');
  await expect(status(page)).toContainText('1 change waiting to sync');
  await hub.restart();
  await expect(status(page)).toContainText('Synced at', { timeout: 40_000 });
});
