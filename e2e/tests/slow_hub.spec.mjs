// A hub behind a bad network: every frame late by seconds, then connections dropped
// right after the hub's welcome, mid-sync. The app waits for the slow hub without giving
// up, retries a dropping one with growing pauses (not a reconnect storm on the venue's
// network), and syncs everything once the hub answers properly.
import { test, expect, joinAs } from '../hub.mjs';

const status = (page) => page.getByTestId('sync-status').first();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const SLOW_MS = 1_500;

// Shared with the project, so the entry has to reach the hub.
async function writeEntry(page, text) {
  await page.getByLabel('What happened today?').fill(text);
  await page.getByLabel('Share with the project under my name').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry').filter({ hasText: text })).toHaveCount(1);
}

test('a slow hub is waited for, and one that drops mid-sync is retried with growing pauses', async ({ page, hub }) => {
  test.setTimeout(150_000);
  // Between the page and the hub: 'slow' delays every frame, 'drop' ends each connection
  // as the app starts syncing after the welcome, 'normal' passes frames as they come.
  let mode = 'slow';
  const opened = [];
  let current;
  await page.routeWebSocket(/\/sync$/, (ws) => {
    opened.push(Date.now());
    current = ws;
    const server = ws.connectToServer();
    let toHub = Promise.resolve();
    let toPage = Promise.resolve();
    let welcomed = false;
    const late = () => sleep(mode === 'slow' ? SLOW_MS : 0);
    const safely = (send) => () => { try { send(); } catch { /* closed meanwhile */ } };
    ws.onMessage((message) => {
      if (mode === 'drop' && welcomed) {
        ws.close();
        server.close();
        return;
      }
      toHub = toHub.then(late).then(safely(() => server.send(message)));
    });
    server.onMessage((message) => {
      welcomed = true;
      toPage = toPage.then(late).then(safely(() => ws.send(message)));
    });
  });

  // Slow: joining and a new entry take many seconds, on one connection, with no error.
  await joinAs(page, hub, { name: 'Hidas Verkko' });
  await writeEntry(page, 'Kirjoitettu hitaan verkon takana.');
  await expect(status(page)).toContainText('Synced at', { timeout: 60_000 });
  expect(opened.length, 'the app waited for the slow hub instead of reconnecting').toBe(1);

  // Dropping mid-sync: the app retries, but with pauses that grow.
  mode = 'drop';
  const since = Date.now();
  current.close();
  await writeEntry(page, 'Kirjoitettu kun yhteys katkeili.');
  await sleep(8_000);
  const tries = opened.filter((t) => t >= since).length;
  expect(tries, 'it kept trying').toBeGreaterThanOrEqual(3);
  expect(tries, 'it backed off instead of reconnecting at once each time').toBeLessThanOrEqual(12);
  await expect(status(page)).toContainText('change waiting to sync');

  // The hub answers properly again: everything syncs.
  mode = 'normal';
  await expect(status(page)).toContainText('Synced at', { timeout: 60_000 });
});
