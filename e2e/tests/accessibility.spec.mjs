// WCAG 2.1 A and AA, checked by axe-core on each screen in each language, as a resident
// and as an organiser.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, joinAs, unlock } from '../hub.mjs';

const ORGANISER_CODE = 'kirkas-majakka';
const LANGUAGES = [
  ['en-GB', 'en'],
  ['fi-FI', 'fi'],
  ['sv-SE', 'sv'],
];

async function expectNoViolations(page, screen) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  expect(found, `${screen}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

/** Visits a route inside the app without reloading it (a reload would lock the profile). */
async function visit(page, path) {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

for (const [locale, lang] of LANGUAGES) {
  test(`every resident screen passes axe in ${lang}`, async ({ browser, hub }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${hub.url}/join`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoViolations(page, 'join');

    // The English words drive the steps; the language under test is set after joining.
    await page.getByLabel(/Language|Kieli|Språk/).selectOption('en');
    await joinAs(page, hub, { name: 'Saavutettava Asukas' });
    await page.getByText('Share with the project under my name').waitFor();
    await page.getByLabel('What happened today?').fill('Esteetön merkintä.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByTestId('entry')).toHaveCount(1);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    for (const path of ['/diary', '/events', '/ideas', '/ideas/new', '/inbox', '/settings']) {
      await visit(page, path);
      await page.waitForTimeout(300);
      await expectNoViolations(page, `${path} (${lang})`);
    }
    // One event and one idea, opened from their lists.
    await visit(page, '/events');
    await page.getByTestId('event').first().getByRole('link').first().click();
    await page.waitForTimeout(300);
    await expectNoViolations(page, `an event (${lang})`);
    await visit(page, '/ideas');
    await page.getByTestId('idea').first().getByRole('link').first().click();
    await page.waitForTimeout(300);
    await expectNoViolations(page, `an idea (${lang})`);
    await page.getByRole('button', { name: /Lock|Lukitse|Lås/ }).first().click();
    await expect(page.locator('#lock-title')).toBeVisible();
    await expectNoViolations(page, `lock screen (${lang})`);
    await context.close();
  });

  test(`every organiser screen passes axe in ${lang}`, async ({ browser, hub }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await joinAs(page, hub, { code: ORGANISER_CODE, name: 'Saavutettava Järjestäjä' });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption(lang);
    for (const path of ['/organise', '/organise/ideas', '/organise/diary', '/organise/entries']) {
      await visit(page, path);
      await page.waitForTimeout(300);
      await expectNoViolations(page, `${path} (${lang})`);
    }
    // One event's door and roster.
    await visit(page, '/organise');
    await page.getByTestId('organise-event').first().getByRole('link').first().click();
    await page.waitForTimeout(300);
    await expectNoViolations(page, `an event's door (${lang})`);
    await context.close();
  });
}

for (const [who, code, paths] of [
  ['resident', null, ['/diary', '/events', '/ideas', '/ideas/new', '/inbox', '/settings']],
  ['organiser', ORGANISER_CODE, ['/organise', '/organise/ideas', '/organise/diary', '/organise/entries']],
]) test(`every ${who} screen reflows at 320 px with text at 200 %, without sideways scrolling`, async ({ browser, hub }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${hub.url}/join`);
  await page.getByLabel('Kieli').selectOption('en');
  await joinAs(page, hub, { code: code ?? hub.joinCode, name: 'Suurennettu Teksti' });
  await visit(page, '/settings');
  await page.getByLabel('Language').selectOption('fi');
  // A style attribute, not a style sheet: the hub's Content-Security-Policy refuses
  // injected <style> elements, as it should.
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
  for (const path of paths) {
    await visit(page, path);
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
