// The main flows by keyboard alone: join, write an entry, sign up for an event, submit
// an idea. Every step moves focus with Tab and acts with typing, Space or Enter.
import { test, expect } from '../hub.mjs';

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page, target, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('join, write an entry, sign up and submit an idea with the keyboard alone', async ({ page, hub }) => {
  test.setTimeout(90_000);
  await page.goto(`${hub.url}/join?code=${hub.joinCode}`);
  // Keys pressed before the app has drawn itself go nowhere; a person waits for the page too.
  await expect(page.getByRole('heading', { name: 'Join a project' })).toBeVisible();

  // The skip link is the first stop and shows where focus is.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await tabTo(page, page.getByLabel('Your name (as others will see it)'));
  await page.keyboard.type('Näppäimistö Käyttäjä');
  await tabTo(page, page.getByLabel('Choose a PIN (4 to 12 digits)').first());
  await page.keyboard.type('2468');
  await tabTo(page, page.getByLabel('The same PIN again').first());
  await page.keyboard.type('2468');
  await tabTo(page, page.getByRole('button', { name: 'Join', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Diary', exact: true })).toBeVisible({ timeout: 20_000 });
  const read = page.getByRole('button', { name: 'I have read this' });
  if (await read.isVisible()) {
    await tabTo(page, read);
    await page.keyboard.press('Enter');
  }

  await tabTo(page, page.getByLabel('What happened today?'));
  await page.keyboard.type('Kirjoitettu pelkällä näppäimistöllä.');
  await tabTo(page, page.getByRole('button', { name: 'Save entry' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry').filter({ hasText: 'pelkällä näppäimistöllä' })).toHaveCount(1);

  // Sign up for the demo's open event.
  await tabTo(page, page.getByRole('link', { name: 'Events', exact: true }));
  await page.keyboard.press('Enter');
  const signUp = page.getByRole('button', { name: /^Sign up: / }).first();
  await expect(signUp).toBeVisible({ timeout: 20_000 });
  await tabTo(page, signUp);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signup-status').first()).toBeVisible();

  // Submit an idea.
  await tabTo(page, page.getByRole('link', { name: 'Ideas', exact: true }));
  await page.keyboard.press('Enter');
  const newIdea = page.getByRole('link', { name: /New idea/ });
  await expect(newIdea).toBeVisible();
  await tabTo(page, newIdea);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Title', { exact: true }));
  await page.keyboard.type('Penkki kirjaston eteen');
  await tabTo(page, page.getByLabel('Describe your idea'));
  await page.keyboard.type('Odottaessa olisi mukava istua.');
  await tabTo(page, page.getByRole('button', { name: 'Submit idea' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Penkki kirjaston eteen').first()).toBeVisible({ timeout: 20_000 });
});
