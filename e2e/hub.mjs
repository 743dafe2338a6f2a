// Starts a Kumppani hub for a test: a fresh temp data dir, a free loopback port,
// the built web app and the demo project (join code 'sininen-kettu').
//
//   const hub = await startHub();
//   await page.goto(hub.url);
//   await hub.stop();     // the network goes away
//   await hub.restart();  // and comes back: same data dir, same port
//   await hub.dispose();  // stop and delete the temp data dir
//
// Or use the `test` exported here, which gives each test a `hub` and disposes it.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export const DEMO_JOIN_CODE = 'sininen-kettu';
const READY = 'KUMPPANI_HUB_LISTENING ';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with \`cargo xtask test\``);
  }
  return value;
}

/** Spawns the hub and resolves with {child, url} once it prints READY. */
function spawnHub({ bin, dataDir, port, staticDir, log }) {
  const args = ['serve', '--data', dataDir, '--addr', `127.0.0.1:${port}`,
    '--static', staticDir, '--seed-demo'];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const echo = process.env.KUMPPANI_HUB_LOG === '1';
  const remember = (stream) => (chunk) => {
    const text = chunk.toString();
    log.push(text);
    if (log.length > 200) log.shift();
    if (echo) stream.write(text.replace(/^/gm, '[hub] '));
  };
  child.stderr.on('data', remember(process.stderr));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`hub did not start: ${why}\n$ ${bin} ${args.join(' ')}\n${log.join('')}`));
    };
    const timer = setTimeout(() => fail(`no "${READY.trim()}" line in ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS);
    child.on('error', (err) => fail(err.message));
    child.on('exit', (code, signal) => fail(`it exited (code ${code}, signal ${signal})`));
    child.stdout.on('data', (chunk) => {
      remember(process.stdout)(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop(); // an unfinished line waits for the next chunk
      for (const line of lines) {
        const at = line.indexOf(READY);
        if (at >= 0) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          child.removeAllListeners('error');
          child.stdout.removeAllListeners('data');
          child.stdout.on('data', remember(process.stdout));
          resolve({ child, url: line.slice(at + READY.length).trim() });
          return;
        }
      }
    });
  });
}

/**
 * Starts a hub. Options: dataDir (default: a fresh temp dir), port (default: 0,
 * any free port). Returns {url, port, dataDir, joinCode, log(), stop(), restart(), dispose()}.
 */
export async function startHub({ dataDir, port = 0 } = {}) {
  const bin = requireEnv('KUMPPANI_HUB_BIN');
  const staticDir = requireEnv('KUMPPANI_STATIC_DIR');
  const ownDataDir = !dataDir;
  dataDir ??= await mkdtemp(join(tmpdir(), 'kumppani-e2e-'));
  const log = [];
  let running = null;

  const hub = {
    url: '',
    port,
    dataDir,
    joinCode: DEMO_JOIN_CODE,
    /** The hub's recent output, for error messages. */
    log: () => log.join(''),
    /** Sends SIGTERM and waits for the hub to exit (SIGKILL after 10 s). */
    async stop() {
      const child = running;
      running = null;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
    /** Stops the hub if it runs, then starts it again: same data dir, same port. */
    async restart() {
      await hub.stop();
      await start();
      return hub;
    },
    /** The audit log of organiser actions, as `kumppani-hub audit` prints it. */
    async audit() {
      const { stdout } = await promisify(execFile)(bin, ['audit', '--data', dataDir]);
      return stdout;
    },
    /** Stops the hub and deletes the temp data dir it made. */
    async dispose() {
      await hub.stop();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };

  async function start() {
    const { child, url } = await spawnHub({ bin, dataDir, port: hub.port, staticDir, log });
    running = child;
    hub.url = url;
    hub.port = Number(new URL(url).port);
  }

  await start();
  return hub;
}

/** What Chromium logs when the Content-Security-Policy blocks something. */
const CSP_REFUSAL = /Content Security Policy/i;

/**
 * Playwright `test` with a `hub` fixture: a fresh hub per test, disposed after it. Every
 * page of the test, in its own context or in one the test makes, is watched: a test fails
 * if the hub's Content-Security-Policy blocked anything the app tried (an evaluated script,
 * an inline style sheet, a request elsewhere).
 */
export const test = base.extend({
  cspRefusals: [async ({ browser, context }, use) => {
    const refusals = [];
    const watch = (ctx) => ctx.on('page', (page) => page.on('console', (message) => {
      if (CSP_REFUSAL.test(message.text())) refusals.push(`${page.url()}: ${message.text()}`);
    }));
    watch(context);
    const newContext = browser.newContext;
    browser.newContext = async (...args) => {
      const ctx = await newContext.apply(browser, args);
      watch(ctx);
      return ctx;
    };
    try {
      await use(refusals);
    } finally {
      browser.newContext = newContext;
    }
    expect(refusals, 'the Content-Security-Policy blocked nothing').toEqual([]);
  }, { auto: true }],
  // eslint-disable-next-line no-empty-pattern
  hub: async ({}, use) => {
    const hub = await startHub();
    try {
      await use(hub);
    } finally {
      await hub.dispose();
    }
  },
});

export { expect } from '@playwright/test';

/** The PIN the tests choose for a new profile unless they say otherwise. */
export const TEST_PIN = '2468';

/**
 * Joins with a code as a new profile on this browser and waits for the diary. Reads the
 * safeguarding notice if the project shows one first.
 */
export async function joinAs(page, hub, { code = hub.joinCode, name, pin = TEST_PIN } = {}) {
  await page.goto(`${hub.url}/join?code=${code}`);
  await page.getByLabel('Your name (as others will see it)').fill(name);
  await page.getByLabel('Choose a PIN (4 to 12 digits)').first().fill(pin);
  await page.getByLabel('The same PIN again').first().fill(pin);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await passNotice(page);
}

/**
 * The diary is open. The safeguarding notice shows above a profile's first entry once the
 * project document has synced; read it when it is there.
 */
export async function passNotice(page) {
  await expect(page.getByRole('heading', { name: 'Diary', exact: true })).toBeVisible({ timeout: 20_000 });
  const read = page.getByRole('button', { name: 'I have read this' });
  if (await read.isVisible()) await read.click();
}

/** Opens a profile from the lock screen with its PIN. */
export async function unlock(page, name, pin = TEST_PIN) {
  await expect(page.getByRole('heading', { name: 'Kumppani is locked' })).toBeVisible({ timeout: 20_000 });
  const field = page.getByLabel(`PIN for ${name}`);
  if (!(await field.isVisible())) {
    await page.getByRole('button', { name }).click();
  }
  await field.fill(pin);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}
