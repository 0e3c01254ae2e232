/**
 * The browser tests' harness: the built app (viz/dist) served by `vite preview` on
 * 127.0.0.1, and Debian's Chromium driven by playwright-core (which never downloads a
 * browser). Each page records console errors and uncaught exceptions, so a test can
 * assert there were none.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
/** Flags from /work/shared/toolchain.md: headless, no sandbox (root in CI), nothing phoning home. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  readonly baseUrl: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export interface TestPage {
  readonly page: Page;
  /** Console errors and page exceptions seen so far. */
  readonly errors: string[];
}

/** Build viz/dist if stale and check Chromium (no install from a test), then serve and launch. */
export async function startHarness(): Promise<Harness> {
  const ensure = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs', '--no-install'], { encoding: 'utf8' });
  if (ensure.status !== 0) throw new Error(`viz tests: ${ensure.stderr || ensure.stdout}`);
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'viz/vite.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(baseUrl, server);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return {
      baseUrl,
      browser,
      close: async () => {
        await browser.close();
        stop(server);
      },
    };
  } catch (error) {
    stop(server);
    throw error;
  }
}

/**
 * One harness for the tests of a file: started before them, closed after. Returns the
 * page opener, a laptop-sized page at `url` (the app's start page by default).
 */
export function useHarness(): (url?: string) => Promise<TestPage> {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });
  return (url) => openPage(harness!, url);
}

/** Close the page and check it logged no errors: how every browser test ends. */
export async function noErrors({ page, errors }: TestPage): Promise<void> {
  await page.context().close();
  expect(errors).toEqual([]);
}

/** A laptop-sized page at `url`, recording errors. */
export async function openPage(harness: Harness, url = harness.baseUrl): Promise<TestPage> {
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.goto(url);
  await settled(page);
  return { page, errors };
}

/** Wait until the app shows a loaded run and no worker request is in flight. */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.querySelector<HTMLElement>('#app');
    return app !== null && Number(app.dataset.panels) > 0 && app.dataset.busy === 'false' && document.querySelector('.panel .card') !== null;
  }, null, { timeout });
}

/**
 * Pick a bundled scenario and wait until the app shows it: `settled` alone can pass on the
 * previous scenario, before the new one has started loading.
 */
export async function openScenario(page: Page, file: string): Promise<void> {
  await page.selectOption('select[data-ref="scenario"]', file);
  await page.waitForFunction((name) => document.querySelector('.panel-label')?.textContent?.startsWith(name) === true, file.replace('.yaml', ''), { timeout: 20_000 });
  await settled(page);
}

/** The sim time the app shows (ms). */
export async function simTime(page: Page): Promise<number> {
  return Number(await page.locator('#app').getAttribute('data-time'));
}

/** Leave any focused field, so keyboard shortcuts reach the app. */
export async function unfocus(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Click the timeline at the moment `tMs`, as a user scrubs. */
export async function clickTimeline(page: Page, tMs: number, durationMs: number): Promise<void> {
  const track = await page.locator('.timeline rect.track').boundingBox();
  if (track === null) throw new Error('viz tests: no timeline track');
  await page.mouse.click(track.x + (tMs / durationMs) * track.width, track.y + track.height / 2);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  let output = '';
  server.stdout?.on('data', (chunk) => (output += String(chunk)));
  server.stderr?.on('data', (chunk) => (output += String(chunk)));
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`viz tests: vite preview exited: ${output}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`viz tests: vite preview did not answer at ${url}: ${output}`);
}

function stop(server: ChildProcess): void {
  if (server.exitCode === null) server.kill('SIGTERM');
}
