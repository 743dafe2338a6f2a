// Finnish, Swedish and English: the browser's language picks one, Finnish when it
// prefers none of them, and a choice made in the app sticks.
import { test, expect } from '../hub.mjs';

test('a browser that prefers none of the three gets Finnish; Swedish and English follow the browser', async ({ browser, hub }) => {
  for (const [locale, heading, lang] of [
    ['de-DE', 'Liity hankkeeseen', 'fi'],
    ['sv-SE', 'Gå med i ett projekt', 'sv'],
    ['en-GB', 'Join a project', 'en'],
  ]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${hub.url}/join`);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    // Screen readers take their voice from the page's language.
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await context.close();
  }
});

test('the language chosen in the app sticks after a reload', async ({ browser, hub }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${hub.url}/join`);
  await page.getByLabel('Language').selectOption('sv');
  await expect(page.getByRole('heading', { name: 'Gå med i ett projekt' })).toBeVisible();
  await expect(page.getByLabel('Välj en PIN-kod (4–12 siffror)').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Gå med i ett projekt' })).toBeVisible();
  await page.getByLabel('Språk').selectOption('fi');
  await expect(page.getByRole('heading', { name: 'Liity hankkeeseen' })).toBeVisible();
  await context.close();
});
