// Finnish, Swedish and English: the browser's language picks one, Finnish when it
// prefers none of them, and a choice made in the app sticks.
import { test, expect, joinAs } from '../hub.mjs';

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

// The demo project speaks Finnish first, then Swedish and English; organisers translated
// one event and one prompt into both.
test('a resident reading Swedish sees the Swedish texts, and the Finnish where none is written', async ({ browser, hub }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await joinAs(page, hub, { name: 'Sara Svensson' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('sv');
  await expect(page.getByRole('link', { name: 'Dagbok', exact: true })).toBeVisible();

  // The diary offers the prompt in Swedish.
  await page.getByRole('link', { name: 'Dagbok', exact: true }).click();
  const prompts = page.getByLabel('Frågor från projektet');
  await expect(prompts.getByText('Ett ögonblick i dag då du kände dig hörd')).toBeVisible({ timeout: 20_000 });
  await expect(prompts.getByText('Hetki tänään, jolloin tunsit tulleesi kuulluksi')).toHaveCount(0);
  // The entry form's prompt select offers it in Swedish too.
  await expect(page.getByRole('option', { name: 'Ett ögonblick i dag då du kände dig hörd' })).toHaveCount(1);

  // The translated event in Swedish; an event with no Swedish title in Finnish.
  await page.getByRole('link', { name: 'Evenemang', exact: true }).click();
  const events = page.getByTestId('event');
  await expect(events.filter({ hasText: 'Invånarkväll: parkplanen för Hervanta' })).toBeVisible({ timeout: 20_000 });
  await expect(events.filter({ hasText: 'Asukasilta: Hervannan puistosuunnitelma' })).toHaveCount(0);
  await expect(events.filter({ hasText: 'Esteettömyyskävely Hervannan keskustassa' })).toBeVisible();

  // The event's own page, description too.
  await page.getByRole('link', { name: 'Invånarkväll: parkplanen för Hervanta' }).click();
  await expect(page.getByRole('heading', { name: 'Invånarkväll: parkplanen för Hervanta' })).toBeVisible();
  await expect(page.getByText('Staden presenterar utkasten till Hervanta park')).toBeVisible();
  await context.close();
});

// Idea themes: residents file ideas under them, so organisers name them in every language.
test('an organiser names a theme in Swedish; a Swedish resident sees it, and the Finnish name where none is given', async ({ browser, hub }) => {
  test.setTimeout(90_000);
  const orgContext = await browser.newContext({ locale: 'en-US' });
  const org = await orgContext.newPage();
  await joinAs(org, hub, { code: 'kirkas-majakka', name: 'Olli Organisaattori' });
  await org.getByRole('link', { name: 'Organise', exact: true }).click();
  await org.getByRole('link', { name: 'Ideas: answers, moderation, themes and export' }).click();
  const form = org.getByTestId('themes-form');
  const list = form.getByLabel('Themes, one per line');
  await expect(list).toHaveValue(/Liikenne/, { timeout: 20_000 });
  await list.fill(`${await list.inputValue()}\nNuoret`);
  const traffic = form.getByRole('group', { name: 'Liikenne' });
  await expect(traffic.getByLabel('Name (Svenska)')).toHaveValue('Trafik');
  await traffic.getByLabel('Name (Svenska)').fill('Trafik och gator');
  await expect(form.getByRole('group', { name: 'Nuoret' }).getByLabel('Name (English)')).toHaveValue('');
  await form.getByRole('button', { name: 'Save themes' }).click();
  await expect(form.getByText('Themes saved on this device.')).toBeVisible();

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await joinAs(page, hub, { name: 'Sara Svensson' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('link', { name: 'Idéer', exact: true }).click();
  const themes = page.getByLabel('Tema');
  await expect(themes.getByRole('option', { name: 'Trafik och gator' })).toHaveCount(1, { timeout: 20_000 });
  await expect(themes.getByRole('option', { name: 'Nuoret' })).toHaveCount(1);
  await expect(themes.getByRole('option', { name: 'Liikenne' })).toHaveCount(0);
  await expect(themes.getByRole('option', { name: 'Parker och grönområden' })).toHaveCount(1);
  // An idea filed under a theme shows the theme's Swedish name.
  await expect(page.getByTestId('idea').filter({ hasText: 'Parker och grönområden' }).first()).toBeVisible();
  await orgContext.close();
  await context.close();
});
