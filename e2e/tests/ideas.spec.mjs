// Ideas end to end: an idea written offline is published after sync, another resident
// supports it, the organiser accepts it with a note, and both residents read that in
// their inbox; three reports hide a comment and the organiser restores it.
import { test, expect, joinAs } from '../hub.mjs';

const ORGANISER_CODE = 'kirkas-majakka';
const TITLE = 'Pyöräteline kirjaston eteen';
const COMMENT = 'Telineitä tarvitaan myös koululle.';

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

test('an idea from offline to accepted, with the inbox and moderation', async ({ browser, hub }) => {
  test.setTimeout(120_000);
  const org = await join(browser, hub, ORGANISER_CODE, 'Olli Organisaattori');
  const a = await join(browser, hub, hub.joinCode, 'Aada Asukas');

  // A writes the idea with no network; it waits on the device, then is published.
  await a.page.getByRole('link', { name: 'Ideas', exact: true }).click();
  // The demo's ideas (and with them the project's themes) are on the device.
  await expect(a.page.getByRole('link', { name: 'Penkkejä Hervannan puistoon' })).toBeVisible({ timeout: 20_000 });
  await a.context.setOffline(true);
  await expect(status(a.page)).toContainText('Offline');
  await a.page.getByRole('link', { name: 'New idea' }).click();
  await a.page.getByLabel('Title').fill(TITLE);
  await a.page.getByLabel('Describe your idea').fill('Kirjaston edessä ei ole paikkaa pyörille.');
  await a.page.getByLabel('Theme').selectOption('Liikenne');
  await a.page.getByRole('button', { name: 'Submit idea' }).click();
  await expect(a.page.getByRole('heading', { name: 'Your idea is saved' })).toBeVisible();
  await a.context.setOffline(false);
  await expect(a.page.getByRole('heading', { name: TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(a.page.getByText('Aada Asukas', { exact: false }).first()).toBeVisible();

  // B supports it; the count is the hub's, from distinct members.
  const b = await join(browser, hub, hub.joinCode, 'Bertta Asukas');
  await openIdea(b.page);
  await b.page.getByRole('button', { name: `Support: ${TITLE}` }).click();
  await expect(b.page.getByTestId('supports')).toHaveText('1 supporter', { timeout: 20_000 });

  // The organiser accepts it with a note.
  await openIdea(org.page);
  await org.page.getByLabel('New status').selectOption({ label: 'Accepted' });
  await org.page.getByLabel('Note to the author and supporters').fill('Hyvä idea, teline tilataan keväällä.');
  await org.page.getByRole('button', { name: 'Send answer' }).click();
  await expect(org.page.getByRole('status').filter({ hasText: 'Answer saved on this device.' })).toBeVisible();
  await expect(org.page.getByTestId('idea-status')).toContainText('Accepted', { timeout: 20_000 });

  // The author and the supporter each read it in their inbox.
  for (const p of [a.page, b.page]) {
    await expect(p.getByRole('link', { name: /Inbox \(1 new\)/ })).toBeVisible({ timeout: 20_000 });
    // A screen reader is told too, through a polite live region.
    await expect(p.getByTestId('inbox-announcement')).toHaveText('1 new message in your inbox');
    await p.getByRole('link', { name: /Inbox/ }).click();
    const item = p.getByTestId('inbox-item').filter({ hasText: TITLE });
    await expect(item).toContainText('Now: accepted.');
    await expect(item).toContainText('teline tilataan keväällä');
    await expect(p.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();
  }

  // A comments; three residents report the comment and it is hidden; the organiser restores it.
  await openIdea(a.page);
  await a.page.getByLabel('Your comment').fill(COMMENT);
  await a.page.getByRole('button', { name: 'Send comment' }).click();
  await expect(a.page.getByTestId('comment').filter({ hasText: COMMENT })).toBeVisible({ timeout: 20_000 });

  const c = await join(browser, hub, hub.joinCode, 'Celia Asukas');
  const d = await join(browser, hub, hub.joinCode, 'Daniel Asukas');
  for (const p of [b.page, c.page, d.page]) {
    await openIdea(p);
    const comment = p.getByTestId('comment').filter({ hasText: COMMENT });
    await comment.getByRole('button', { name: 'Report comment' }).click();
    await p.getByLabel('Why should the organisers look at this?').fill('Ei liity aiheeseen');
    await p.getByRole('button', { name: 'Send report' }).click();
    await expect(comment.getByText('You reported this.')).toBeVisible();
  }
  await expect(d.page.getByTestId('comment').filter({ hasText: COMMENT })).toHaveCount(0, { timeout: 20_000 });
  await expect(a.page.getByTestId('comment').filter({ hasText: COMMENT })).toHaveCount(0, { timeout: 20_000 });

  const hidden = org.page.getByTestId('comment').filter({ hasText: COMMENT });
  await expect(hidden).toContainText('hidden', { timeout: 20_000 });
  await hidden.getByRole('button', { name: 'Restore' }).click();
  await expect(a.page.getByTestId('comment').filter({ hasText: COMMENT })).toBeVisible({ timeout: 20_000 });

  for (const p of [org, a, b, c, d]) await p.context.close();
});
