// Events end to end: an organiser publishes an event, residents sign up (one offline),
// capacity 2 puts the third on the waitlist, a cancellation moves them up, and the
// organiser checks a ticket in at the door with the network off.
import { test, expect, joinAs } from '../hub.mjs';

const ORGANISER_CODE = 'kirkas-majakka';
const TITLE = 'Kirjaston lukupiiri';

async function join(browser, hub, code, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await joinAs(page, hub, { code, name });
  return { context, page };
}

const status = (page) => page.getByTestId('sync-status').first();
const eventCard = (page) => page.getByTestId('event').filter({ hasText: TITLE });

async function openEvents(page) {
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await expect(eventCard(page)).toBeVisible({ timeout: 20_000 });
}

async function signUp(page) {
  await page.getByRole('button', { name: `Sign up: ${TITLE}` }).click();
}

test('capacity, waitlist, moving up, and checking a ticket in at the door offline', async ({ browser, hub }) => {
  // Six devices and a door: longer than a one-screen test.
  test.setTimeout(120_000);
  // The organiser publishes an event with two places.
  const org = await join(browser, hub, ORGANISER_CODE, 'Olli Organisaattori');
  await org.page.getByRole('link', { name: 'Organise' }).click();
  await org.page.getByLabel('Title', { exact: true }).fill(TITLE);
  await org.page.getByLabel('Place').fill('Hervannan kirjasto');
  await org.page.getByLabel('Capacity (empty for no limit)').fill('2');
  await org.page.getByLabel('Quiet room').check();
  await org.page.getByRole('button', { name: 'Create event' }).click();
  await expect(org.page.getByRole('status').filter({ hasText: 'Event saved on this device.' })).toBeVisible();
  await expect(status(org.page)).toContainText('Synced at', { timeout: 20_000 });

  // Resident A signs up with no network; the seat is theirs once it reaches the hub.
  const a = await join(browser, hub, hub.joinCode, 'Aada Asukas');
  await openEvents(a.page);
  await expect(eventCard(a.page)).toContainText('Quiet room');
  await a.context.setOffline(true);
  await expect(status(a.page)).toContainText('Offline');
  await signUp(a.page);
  await expect(eventCard(a.page).getByTestId('signup-status')).toContainText('Signed up on this device');
  await a.context.setOffline(false);
  await expect(eventCard(a.page).getByTestId('signup-status')).toContainText('Confirmed', { timeout: 20_000 });

  const b = await join(browser, hub, hub.joinCode, 'Bertta Asukas');
  await openEvents(b.page);
  await signUp(b.page);
  await expect(eventCard(b.page).getByTestId('signup-status')).toContainText('Confirmed', { timeout: 20_000 });

  const c = await join(browser, hub, hub.joinCode, 'Celia Asukas');
  await openEvents(c.page);
  await signUp(c.page);
  await expect(eventCard(c.page).getByTestId('signup-status')).toContainText('On the waitlist, number 1', { timeout: 20_000 });

  // The organiser's roster shows all three, in their places; no resident sees another.
  await org.page.getByRole('link', { name: TITLE }).click();
  const rows = org.page.getByTestId('roster-row');
  await expect(rows).toHaveCount(3, { timeout: 20_000 });
  await expect(rows.filter({ hasText: 'Aada Asukas' })).toContainText('Confirmed');
  await expect(rows.filter({ hasText: 'Bertta Asukas' })).toContainText('Confirmed');
  await expect(rows.filter({ hasText: 'Celia Asukas' })).toContainText('Waitlist 1');
  await expect(org.page.getByTestId('count-confirmed')).toContainText('2 / 2');
  await expect(c.page.getByText('Aada Asukas')).toHaveCount(0);

  // A cancels: C moves up and is told so.
  await a.page.getByRole('button', { name: `Cancel sign-up: ${TITLE}` }).click();
  await expect(eventCard(c.page).getByTestId('signup-status')).toContainText('Moved up from the waitlist', { timeout: 20_000 });
  await expect(eventCard(c.page)).toContainText('New');
  await c.page.getByRole('link', { name: TITLE }).click();
  const code = (await c.page.getByTestId('ticket-code').textContent()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  await expect(c.page.getByRole('img', { name: /Ticket QR code/ })).toBeVisible();

  // At the door with no network: a wrong code is refused, C's code lets C in.
  await expect(rows.filter({ hasText: 'Celia Asukas' })).toContainText('Confirmed', { timeout: 20_000 });
  await org.context.setOffline(true);
  await expect(status(org.page)).toContainText('Offline');
  await org.page.getByLabel('Ticket code').fill('ABCDEFGH');
  await org.page.getByRole('button', { name: 'Check in' }).click();
  await expect(org.page.getByRole('alert').first()).toContainText('No confirmed sign-up has this code');
  await org.page.getByLabel('Ticket code').fill(code.toLowerCase());
  await org.page.getByRole('button', { name: 'Check in' }).click();
  await expect(org.page.getByRole('status').filter({ hasText: 'Celia Asukas is checked in.' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Celia Asukas' })).toContainText('Checked in');
  await org.page.getByLabel('Name').fill('Kalle Kävijä');
  await org.page.getByRole('button', { name: 'Add walk-in' }).click();
  await expect(rows.filter({ hasText: 'Kalle Kävijä' })).toContainText('Walk-in');
  await expect(status(org.page)).toContainText('waiting to sync');

  // The roster downloads as CSV, check-in and walk-in included.
  const [download] = await Promise.all([
    org.page.waitForEvent('download'),
    org.page.getByRole('button', { name: 'Download roster (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${TITLE}-roster.csv`);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('name,status,position,checked_in,checked_in_at,walk_in');
  expect(csv).toMatch(/Celia Asukas,confirmed,,(yes|true)/);
  expect(csv).toContain('Kalle Kävijä');

  // Back online, the check-in reaches the hub: a second organiser device shows it.
  await org.context.setOffline(false);
  await expect(status(org.page)).toContainText('Synced at', { timeout: 20_000 });
  // The hub's audit log has the offline check-in, walk-in and roster export, by whom.
  const audit = await hub.audit();
  expect(audit).toMatch(/Olli Organisaattori \(device \w+\)  checked in  event=\w+ who=\w+/);
  expect(audit.match(/Olli Organisaattori .*checked in/g)).toHaveLength(2);
  expect(audit).toMatch(/Olli Organisaattori \(device \w+\)  exported  event=\w+ what=roster/);
  const org2 = await join(browser, hub, ORGANISER_CODE, 'Oona Organisaattori');
  await org2.page.getByRole('link', { name: 'Organise' }).click();
  await org2.page.getByRole('link', { name: TITLE }).click();
  const rows2 = org2.page.getByTestId('roster-row');
  await expect(rows2.filter({ hasText: 'Celia Asukas' })).toContainText('Checked in', { timeout: 20_000 });
  await expect(rows2.filter({ hasText: 'Kalle Kävijä' })).toContainText('Walk-in');

  for (const p of [org, org2, a, b, c]) await p.context.close();
});
