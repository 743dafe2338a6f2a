// Experience diaries on a shared tablet: private by default, shared by choice. Two
// profiles on one browser; what the browser's storage and the hub's database hold; what
// organisers see before and after a revocation.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, joinAs, passNotice, unlock } from '../hub.mjs';

const ORGANISER_CODE = 'kirkas-majakka';
const PRIVATE = 'Sellin ikkuna vetaa ja palelen oisin, en kehtaa sanoa kenellekaan.';
const SHARED = 'Tyopajassa ohjaaja kuunteli ehdotukseni loppuun asti.';
const A = { name: 'Aada Asukas', pin: '1357' };
const B = { name: 'Bertta Asukas', pin: '8642' };

const entries = (page) => page.getByTestId('entry');
const status = (page) => page.getByTestId('sync-status').first();

async function write(page, text, share) {
  await page.getByLabel('What happened today?').fill(text);
  await page.getByLabel(share).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(entries(page).filter({ hasText: text })).toHaveCount(1);
}

async function lock(page) {
  await page.getByRole('button', { name: 'Lock (switch profile)' }).click();
  await expect(page.getByRole('heading', { name: 'Kumppani is locked' })).toBeVisible();
}

/** Every value in every IndexedDB database of the page, as text (bytes decoded as UTF-8). */
async function dumpIndexedDb(page) {
  return page.evaluate(async () => {
    const text = (v) => {
      if (v instanceof Uint8Array || v instanceof ArrayBuffer) {
        return new TextDecoder('utf-8', { fatal: false }).decode(v);
      }
      if (v && typeof v === 'object') {
        return Object.entries(v).map(([k, x]) => `${k}=${text(x)}`).join(' ');
      }
      return String(v);
    };
    const out = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      for (const store of db.objectStoreNames) {
        const values = await new Promise((ok, fail) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        out.push(`[${name}/${store}] ${values.map(text).join('\n')}`);
      }
      db.close();
    }
    return out.join('\n');
  });
}

/** Every byte of every file under `dir` (the hub's SQLite file, its WAL and the rest). */
async function readTree(dir) {
  const chunks = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) chunks.push(await readTree(path));
    else chunks.push(await readFile(path));
  }
  return Buffer.concat(chunks);
}

test('two profiles on one tablet: private stays private, shared reaches organisers until revoked', async ({ browser, hub }) => {
  test.setTimeout(150_000);
  const tablet = await browser.newContext();
  const page = await tablet.newPage();

  // Profile A joins; the safeguarding notice comes before the first entry.
  await page.goto(`${hub.url}/join?code=${hub.joinCode}`);
  await page.getByLabel('Your name (as others will see it)').fill(A.name);
  await page.getByLabel('Choose a PIN (4 to 12 digits)').first().fill(A.pin);
  await page.getByLabel('The same PIN again').first().fill(A.pin);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Before you write: who reads shared entries' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.notice-card')).toContainText('112');
  await page.getByRole('button', { name: 'I have read this' }).click();
  await expect(page.getByRole('heading', { name: 'Before you write: who reads shared entries' })).toHaveCount(0);

  // A private entry, and a shared one that answers an open prompt, anonymously.
  await write(page, PRIVATE, 'Only me (private, on this device)');
  const prompt = page.getByLabel('Answering a question from the project?');
  const options = await prompt.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await prompt.selectOption({ label: options[1] });
  await write(page, SHARED, 'Share with the project anonymously');
  const sharedCard = entries(page).filter({ hasText: SHARED });
  await expect(sharedCard.getByTestId('entry-visibility')).toHaveText('Shared with the project anonymously');
  await expect(sharedCard).toContainText(`Answers: ${options[1]}`);
  await expect(entries(page).filter({ hasText: PRIVATE }).getByTestId('entry-visibility'))
    .toHaveText('Private: only on this device');
  await expect(status(page)).toContainText('Synced at', { timeout: 20_000 });
  // The notice stays one tap away.
  await page.getByText('Who reads shared entries?').click();
  await expect(page.locator('details.safeguarding')).toContainText('112');

  // Profile B on the same tablet sees nothing of A.
  await lock(page);
  await page.getByRole('link', { name: 'Add a profile' }).click();
  await joinAs(page, hub, { name: B.name, pin: B.pin });
  await expect(page.getByText(PRIVATE)).toHaveCount(0);
  await expect(page.getByText(SHARED)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No entries yet' })).toBeVisible();

  // B cannot open A without A's PIN; wrong PINs slow down after three.
  await lock(page);
  await page.getByRole('button', { name: A.name }).click();
  for (let i = 0; i < 3; i++) {
    await page.getByLabel(`PIN for ${A.name}`).fill(B.pin);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That PIN is not right');
  }
  await expect(page.getByRole('alert')).toContainText('Wait 5 seconds');
  await expect(page.getByRole('heading', { name: 'Kumppani is locked' })).toBeVisible();

  // The browser's storage holds no plaintext of A's entries, private or shared.
  const dump = await dumpIndexedDb(page);
  expect(dump).toContain(A.name); // the lock screen's list is readable: the dump works
  expect(dump).not.toContain('Sellin ikkuna');
  expect(dump).not.toContain('palelen');
  expect(dump).not.toContain('ohjaaja kuunteli');

  // The hub's database has the shared entry and no trace of the private one.
  const hubBytes = await readTree(hub.dataDir);
  expect(hubBytes.includes(Buffer.from('ohjaaja kuunteli'))).toBe(true);
  expect(hubBytes.includes(Buffer.from('Sellin ikkuna'))).toBe(false);
  expect(hubBytes.includes(Buffer.from('palelen'))).toBe(false);

  // An organiser sees the shared entry, without A's name, and never the private one.
  const office = await browser.newContext();
  const org = await office.newPage();
  await joinAs(org, hub, { code: ORGANISER_CODE, name: 'Olga Organisaattori', pin: '5555' });
  await org.getByRole('link', { name: 'Organise' }).click();
  await org.getByRole('link', { name: /Shared diary entries/ }).click();
  const inbox = org.getByTestId('shared-entry');
  await expect(inbox.filter({ hasText: SHARED })).toHaveCount(1, { timeout: 20_000 });
  await expect(inbox.filter({ hasText: SHARED })).toContainText('Shared anonymously');
  await expect(inbox.filter({ hasText: SHARED })).not.toContainText(A.name);
  await expect(org.getByText(PRIVATE)).toHaveCount(0);

  // The organiser codes it, filters by mood, and exports without names.
  const code = inbox.filter({ hasText: SHARED }).getByLabel('Code “Turvallisuus”');
  await code.check();
  await expect(code).toBeChecked();
  await expect(org.getByTestId('entries-by-prompt')).toBeVisible();
  await expect(org.getByTestId('mood-by-week')).toBeVisible();
  await org.getByLabel('Mood', { exact: true }).selectOption({ label: 'Okay (3)' });
  await expect(inbox.filter({ hasText: SHARED })).toHaveCount(1);
  await expect(org.getByTestId('entries-count')).toContainText('Showing');
  await org.getByRole('button', { name: 'Show all' }).click();
  await expect(org.getByLabel('Leave out names')).toBeChecked();
  const [download] = await Promise.all([
    org.waitForEvent('download'),
    org.getByRole('button', { name: 'Download entries (JSON)' }).click(),
  ]);
  const exported = await readFile(await download.path(), 'utf8');
  expect(exported).toContain(SHARED);
  expect(exported).not.toContain('Aino Virtanen'); // the demo's named entries, names left out
  expect(exported).not.toContain(PRIVATE);
  // The export is in the hub's audit log, with who made it.
  await expect(status(org)).toContainText('Synced at', { timeout: 20_000 });
  await expect.poll(() => hub.audit(), { timeout: 10_000 })
    .toMatch(/Olga Organisaattori \(device \w+\)  exported  what=entries/);

  // A opens their profile (after the wait) and stops sharing; the organiser's inbox follows.
  await page.waitForTimeout(5_500);
  await unlock(page, A.name, A.pin);
  await expect(entries(page)).toHaveCount(2);
  const card = entries(page).filter({ hasText: SHARED });
  await card.getByRole('button', { name: 'Stop sharing' }).click();
  await card.getByRole('button', { name: 'Yes, stop sharing' }).click();
  await expect(entries(page).filter({ hasText: SHARED }).getByTestId('entry-visibility'))
    .toHaveText('Private: only on this device');
  await expect(status(page)).toContainText('Synced at', { timeout: 20_000 });
  await expect(inbox.filter({ hasText: SHARED })).toHaveCount(0, { timeout: 20_000 });
  await expect(org.getByText(PRIVATE)).toHaveCount(0);

  await office.close();
  await tablet.close();
});

test('an organiser sets up a person with no phone, who chooses their own PIN on the tablet', async ({ browser, hub }) => {
  test.setTimeout(90_000);
  const office = await browser.newContext();
  const org = await office.newPage();
  await joinAs(org, hub, { code: ORGANISER_CODE, name: 'Olga Organisaattori', pin: '5555' });
  await org.getByRole('link', { name: 'Organise' }).click();
  await org.getByRole('link', { name: /Diary: prompts/ }).click();
  await org.getByLabel('Their name').fill('Veikko Vanki');
  await org.getByRole('button', { name: 'Make a code' }).click();
  const code = (await org.getByTestId('setup-code').textContent()).trim();
  expect(code).toMatch(/^[A-Z2-9]{12}$/);

  const tablet = await browser.newContext();
  const page = await tablet.newPage();
  await page.goto(hub.url);
  await page.getByLabel('Link code').fill(code);
  await page.getByLabel('Choose a PIN (4 to 12 digits)').nth(1).fill('4826');
  await page.getByLabel('The same PIN again').nth(1).fill('4826');
  await page.getByRole('button', { name: 'Link this device' }).click();
  await passNotice(page);
  await expect(page.getByRole('button', { name: 'Lock (switch profile)' })).toContainText('Veikko Vanki');

  // A shared entry, and a recovery code written down on paper.
  await page.getByLabel('What happened today?').fill('Kirjastoauto kävi taas tiistaina.');
  await page.getByLabel('Share with the project under my name').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByLabel('What happened today?').fill('Tämä jää vain tälle laitteelle.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry')).toHaveCount(2);
  await expect(page.getByTestId('sync-status').first()).toContainText('Synced at', { timeout: 20_000 });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Get a recovery code' }).click();
  const recovery = (await page.getByTestId('recovery-code').textContent()).trim();
  expect(recovery).toMatch(/^[A-Z2-9]{12}$/);

  // The app locks itself after the project's idle minutes.
  await page.clock.install();
  await page.reload();
  await unlock(page, 'Veikko Vanki', '4826');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.clock.fastForward('06:00');
  await expect(page.getByRole('heading', { name: 'Kumppani is locked' })).toBeVisible({ timeout: 10_000 });

  // The PIN is forgotten: the profile goes, and the recovery code brings back what was shared.
  await page.getByText('Forgot your PIN?').click();
  await page.getByRole('button', { name: 'Remove this profile from this device' }).click();
  await page.getByRole('button', { name: 'Yes, remove Veikko Vanki and their private entries' }).click();
  await expect(page.getByRole('heading', { name: 'Join a project' })).toBeVisible();
  await page.getByLabel('Link code').fill(recovery);
  await page.getByLabel('Choose a PIN (4 to 12 digits)').nth(1).fill('7777');
  await page.getByLabel('The same PIN again').nth(1).fill('7777');
  await page.getByRole('button', { name: 'Link this device' }).click();
  await passNotice(page);
  await expect(page.getByTestId('entry').filter({ hasText: 'Kirjastoauto' })).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByText('Tämä jää vain tälle laitteelle.')).toHaveCount(0);
  await office.close();
  await tablet.close();
});
