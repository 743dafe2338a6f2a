// A member sees every device that can open their account and removes one they do not
// know: the removed device stops syncing at once and is told it is no longer signed in.
import { test, expect, joinAs, passNotice, TEST_PIN } from '../hub.mjs';

const status = (page) => page.getByTestId('sync-status').first();
const devices = (page) => page.getByTestId('device');

test('a resident lists their devices and removes one, which stops syncing at once', async ({ browser, hub }) => {
  const phoneA = await browser.newContext();
  const pageA = await phoneA.newPage();
  await joinAs(pageA, hub, { name: 'Laura Laite' });
  await expect(status(pageA)).toContainText('Synced at', { timeout: 20_000 });

  // Device B is linked with a code from device A.
  await pageA.getByRole('link', { name: 'Settings' }).click();
  await pageA.getByRole('button', { name: 'Link another device' }).click();
  const code = (await pageA.getByTestId('link-code').textContent()).trim();

  const phoneB = await browser.newContext();
  const pageB = await phoneB.newPage();
  await pageB.goto(hub.url);
  await pageB.getByLabel('Link code').fill(code);
  await pageB.getByLabel('Choose a PIN (4 to 12 digits)').nth(1).fill(TEST_PIN);
  await pageB.getByLabel('The same PIN again').nth(1).fill(TEST_PIN);
  await pageB.getByRole('button', { name: 'Link this device' }).click();
  await passNotice(pageB);
  await expect(status(pageB)).toContainText('Synced at', { timeout: 20_000 });

  // On A: both devices are listed, oldest first, A marked as this device.
  const card = pageA.getByRole('region', { name: 'Your devices' });
  await expect(card).toContainText('If you see a device you do not know, remove it.');
  await card.getByRole('button', { name: 'Show my devices' }).click();
  await expect(devices(pageA)).toHaveCount(2);
  await expect(card.getByRole('status').filter({ hasText: '2 devices can open your account.' })).toBeVisible();
  await expect(devices(pageA).nth(0)).toContainText('(this device)');
  await expect(devices(pageA).nth(0)).toContainText('Added ');
  await expect(devices(pageA).nth(0).getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  const deviceB = devices(pageA).nth(1);
  await expect(deviceB).not.toContainText('(this device)');
  const nameB = (await deviceB.locator('.roster-name').textContent()).trim();

  // Asking first: "Keep it" leaves the device alone.
  await deviceB.getByRole('button', { name: `Remove ${nameB}` }).click();
  await expect(deviceB).toContainText(`Remove ${nameB}? It will stop syncing at once.`);
  await deviceB.getByRole('button', { name: 'Keep it' }).click();
  await expect(deviceB.getByRole('button', { name: 'Yes, remove' })).toHaveCount(0);
  await expect(devices(pageA)).toHaveCount(2);

  // A removes B.
  await deviceB.getByRole('button', { name: `Remove ${nameB}` }).click();
  await deviceB.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(card.getByRole('status').filter({ hasText: `Removed ${nameB}. It no longer syncs.` })).toBeVisible();
  await expect(devices(pageA)).toHaveCount(1);
  await expect(devices(pageA).first()).toContainText('(this device)');

  // B is told at once that the hub no longer accepts it.
  await expect(pageB.getByRole('alert').filter({ hasText: 'no longer accepts this device' }))
    .toBeVisible({ timeout: 20_000 });
  await expect(status(pageB)).toContainText('no longer signed in');

  // Listing again from the hub still shows only A.
  await card.getByRole('button', { name: 'Show my devices' }).click();
  await expect(card.getByRole('status').filter({ hasText: '1 device can open your account.' })).toBeVisible();
  await expect(devices(pageA)).toHaveCount(1);

  await phoneA.close();
  await phoneB.close();
});

test('an organiser removes the device a resident lost, and it stops syncing at once', async ({ browser, hub }) => {
  const phone = await browser.newContext();
  const lost = await phone.newPage();
  await joinAs(lost, hub, { name: 'Kalle Kadottaja' });
  await expect(status(lost)).toContainText('Synced at', { timeout: 20_000 });

  const office = await browser.newContext();
  const org = await office.newPage();
  await joinAs(org, hub, { code: 'kirkas-majakka', name: 'Olga Organisaattori', pin: '5555' });
  await org.getByRole('link', { name: 'Organise' }).click();
  await org.getByRole('link', { name: /Diary: prompts/ }).click();
  const card = org.getByRole('region', { name: "A resident's devices" });
  await card.getByRole('button', { name: 'Find residents' }).click();
  await card.getByLabel('Resident').selectOption({ label: 'Kalle Kadottaja' });
  await card.getByRole('button', { name: 'Show their devices' }).click();
  await expect(card.getByRole('status').filter({ hasText: '1 device can open their account.' })).toBeVisible();
  const device = card.getByTestId('device');
  await expect(device).not.toContainText('(this device)');
  const name = (await device.locator('.roster-name').textContent()).trim();
  await device.getByRole('button', { name: `Remove ${name}` }).click();
  await device.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(card.getByRole('status').filter({ hasText: `Removed ${name}. It no longer syncs.` })).toBeVisible();
  await expect(card.getByRole('status').filter({ hasText: 'No device can open their account.' })).toBeVisible();

  // The lost phone is told at once; the hub's audit log says who removed it.
  await expect(lost.getByRole('alert').filter({ hasText: 'no longer accepts this device' }))
    .toBeVisible({ timeout: 20_000 });
  expect(await hub.audit()).toMatch(/Olga Organisaattori \(device \w+\)  removed a device  device=\w+ member=\w+/);
  await phone.close();
  await office.close();
});

test('showing the devices offline says plainly that it needs the network', async ({ browser, hub }) => {
  const phone = await browser.newContext();
  const page = await phone.newPage();
  await joinAs(page, hub, { name: 'Olli Offline' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await phone.setOffline(true);
  await page.getByRole('button', { name: 'Show my devices' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not get your devices' }))
    .toContainText('needs a network connection');
  await expect(devices(page)).toHaveCount(0);
  await phone.close();
});
