import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../models/run/result';
import { count, latency } from '../../viz/views/format';
import { encodeShare } from '../../viz/app/share';
import { meshsim } from '../support/cli';
import { clickTimeline, noErrors, openScenario, settled, simTime, unfocus, useHarness } from './support/browser';

// End-to-end: the built app in Debian's Chromium. Each test opens its own page and ends
// by checking that the page logged no errors.
describe('viz in the browser', () => {
  const openPage = useHarness();

  it('loads every bundled scenario and draws its replicas (or its gossip cluster)', async () => {
    const t = await openPage();
    const files = await t.page.locator('select[data-ref="scenario"] option:not([disabled])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(files).toEqual(expect.arrayContaining(['quickstart.yaml', 'mm1.yaml', 'mmc.yaml', 'slow-replica.yaml', 'fleet.yaml']));
    for (const file of files) {
      await openScenario(t.page, file);
      const drawn = await t.page.evaluate(() => document.querySelectorAll('[data-view="topology"] .node').length + Number(document.querySelector<HTMLElement>('.topology-nodes') !== null));
      const notice = await t.page.locator('[data-view="gossip"] svg.chart').count();
      expect(drawn + notice, file).toBeGreaterThan(0);
      // The overload example opens with its warning (from the file, before anything runs); the others with none.
      if (file === 'overload.yaml') expect(await t.page.locator('.banner').textContent()).toMatch(/^⚠ api is overloaded: 200\/s at peak/);
      else expect(await t.page.locator('.banner').isHidden(), file).toBe(true);
    }
    await noErrors(t);
  }, 90_000);

  it('plays: time advances, requests move, the time series and counters update; step moves one interval', async () => {
    const t = await openPage();
    const { page } = t;
    expect(await simTime(page)).toBe(0);
    await unfocus(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.time === '100');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#app')!.dataset.time) > 2500, null, { timeout: 20_000 });
    const dots = await page.locator('[data-view="topology"] circle.dot').evaluateAll((circles) => circles.filter((c) => (c as SVGElement).style.display !== 'none').length);
    await page.keyboard.press(' ');
    await settled(page);
    expect(await page.locator('#app').getAttribute('data-playing')).toBe('false');
    expect(dots).toBeGreaterThan(0);
    expect(await page.locator('[data-view="timeseries"] path.series.ok').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await page.locator('.panel .counters').textContent()).toMatch(/events/);
    const fill = await page.locator('[data-node="api-0"] rect.body').getAttribute('fill');
    expect(fill).toMatch(/^rgb\(/);
    await noErrors(t);
  }, 60_000);

  it('played to the end at max speed, every view shows the final numbers of the run (its result JSON)', async () => {
    const t = await openPage();
    const { page } = t;
    await openScenario(page, 'microservices.yaml');
    await unfocus(page);
    await page.keyboard.press('m');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => {
      const app = document.querySelector<HTMLElement>('#app')!.dataset;
      return app.done === 'true' && app.playing === 'false';
    }, null, { timeout: 120_000 });
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('button[data-ref="json"]')]);
    const result = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Result;
    expect(result.replications).toBe(1); // the run on screen is replication 0
    const run = result.replicationResults[0]!;
    const l = run.latencyMs;
    expect(await page.locator('.card[data-view="latency"] table.percentiles td').allTextContents())
      .toEqual([...[l.mean, l.p50, l.p90, l.p99, l.p999, l.max].map(latency), count(run.requests.completed)]);
    const counters = await page.locator('.panel .counters').textContent();
    expect(counters).toContain(`sent ${count(run.requests.sent)} · ok ${count(run.requests.completed)} · failed ${count(run.requests.failed)}`);
    expect(counters).toContain(`${count(run.events)} events`);
    const ok = await page.locator('[data-view="timeseries"] path.series.ok').getAttribute('d');
    expect(ok!.split(/[ML]/).length - 1).toBe(result.timeseries.points.length);
    await noErrors(t);
  }, 180_000);

  it('paused mid-run, the latency panel counts the same requests as the counters', async () => {
    const t = await openPage();
    const { page } = t;
    await openScenario(page, 'microservices.yaml');
    await unfocus(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('+'); // 8×: frames carry the digest only every 250 ms of wall time
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#app')!.dataset.time) > 8000, null, { timeout: 60_000 });
    await page.keyboard.press(' ');
    await settled(page);
    expect(await page.locator('#app').getAttribute('data-done')).toBe('false');
    const counters = (await page.locator('.panel .counters').textContent())!;
    const ok = /· ok ([\d,]+) ·/.exec(counters)?.[1];
    expect(ok).toBeDefined();
    expect(await page.locator('.card[data-view="latency"] table.percentiles tr.n td').textContent()).toBe(ok);
    await noErrors(t);
  }, 90_000);

  it('scrubs: forward to the crash marks api-1, back before it re-runs to an unmarked api-1', async () => {
    const t = await openPage();
    const { page } = t;
    await clickTimeline(page, 25_000, 60_000);
    await settled(page);
    expect(Math.abs((await simTime(page)) - 25_000)).toBeLessThan(300);
    expect(await page.locator('[data-node="api-1"]').getAttribute('class')).toContain('crashed');
    expect(await page.locator('[data-node="api-0"]').getAttribute('class')).not.toContain('crashed');
    const windowsAt25 = await page.locator('[data-view="timeseries"] path.series.ok').getAttribute('d');
    await clickTimeline(page, 10_000, 60_000);
    await settled(page);
    expect(Math.abs((await simTime(page)) - 10_000)).toBeLessThan(300);
    expect(await page.locator('[data-node="api-1"]').getAttribute('class')).not.toContain('crashed');
    const windowsAt10 = await page.locator('[data-view="timeseries"] path.series.ok').getAttribute('d');
    expect(windowsAt10!.split('L').length).toBeLessThan(windowsAt25!.split('L').length);
    await noErrors(t);
  }, 60_000);

  it('compare shows two panels, B with the override, at the same moment; switching scenario keeps comparing', async () => {
    const t = await openPage();
    const { page } = t;
    await openScenario(page, 'slow-replica.yaml');
    await unfocus(page);
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.panels === '2', null, { timeout: 20_000 });
    await settled(page);
    expect(await page.locator('.panel').count()).toBe(2);
    expect(await page.locator('.panel[data-panel="B"] .panel-label').textContent()).toBe('B · clients.web.balancer.policy = least-request');
    await clickTimeline(page, 30_000, 60_000);
    await settled(page);
    const times = await page.locator('.panel').evaluateAll((panels) => panels.map((p) => (p as HTMLElement).dataset.time));
    expect(times[0]).toBe(times[1]);
    expect(await page.locator('.compare-summary tr').count()).toBe(3);
    // Another scenario keeps Compare on, with the override suggested for it.
    await page.selectOption('select[data-ref="scenario"]', 'microservices.yaml');
    await page.waitForFunction(() => document.querySelector('.panel[data-panel="B"] .panel-label')?.textContent === 'B · clients.shop.balancer.policy = least-request', null, { timeout: 20_000 });
    await settled(page);
    expect(await page.locator('.panel').count()).toBe(2);
    await noErrors(t);
  }, 60_000);

  it('share: the link reopens the same scenario, seed, compare and moment', async () => {
    const t = await openPage();
    const { page } = t;
    await openScenario(page, 'microservices.yaml');
    await page.fill('input[data-ref="seed"]', '7');
    await page.press('input[data-ref="seed"]', 'Enter');
    await page.waitForFunction(() => (location.hash.includes('seed=7')));
    await settled(page);
    await unfocus(page);
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.panels === '2', null, { timeout: 20_000 });
    await settled(page);
    await clickTimeline(page, 12_000, 45_000);
    await settled(page);
    const shownAt = await simTime(page);
    await page.click('button[data-ref="share"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.shareUrl !== undefined);
    const url = (await page.locator('#app').getAttribute('data-share-url'))!;
    expect(url).toMatch(/#v=1&file=microservices\.yaml&seed=7&t=\d+&cmp=clients\.shop\.balancer\.policy%3Dleast-request&s=[\w-]+$/);
    const text = await page.locator('.editor textarea').inputValue();
    const shared = await openPage(url);
    await shared.page.waitForFunction((t) => Math.abs(Number(document.querySelector<HTMLElement>('#app')!.dataset.time) - t) < 1, shownAt, { timeout: 20_000 });
    expect(await shared.page.locator('.editor textarea').inputValue()).toBe(text);
    expect(await shared.page.locator('input[data-ref="seed"]').inputValue()).toBe('7');
    expect(await shared.page.locator('.panel-label').allTextContents()).toEqual(['A · microservices as written', 'B · clients.shop.balancer.policy = least-request']);
    const times = await shared.page.locator('.panel').evaluateAll((panels) => panels.map((p) => Number((p as HTMLElement).dataset.time)));
    expect(times).toEqual([Math.round(shownAt), Math.round(shownAt)]); // links keep whole milliseconds
    await noErrors(shared);
    await noErrors(t);
  }, 60_000);

  it('the seed field refuses what is not a safe whole number ≥ 0, with a message, and runs nothing', async () => {
    const t = await openPage();
    const { page } = t;
    const seed = page.locator('input[data-ref="seed"]');
    expect(await seed.inputValue()).toBe('1');
    await unfocus(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.time === '100');
    for (const bad of ['1.5', '', '1e999', '-1', '9007199254740992', 'seven']) {
      await seed.fill(bad);
      await seed.press('Enter');
      await page.locator('.banner').waitFor({ state: 'visible' });
      const shown = bad === '' ? 'nothing' : `"${bad}"`;
      expect(await page.locator('.banner').textContent(), bad).toBe(`seed: ${shown} is not a seed (a whole number from 0 to 9007199254740991); still running seed 1`);
      await settled(page);
      expect(await seed.inputValue(), bad).toBe('1'); // the seed actually used
      expect(await simTime(page), bad).toBe(100); // nothing re-ran
      expect(new URL(page.url()).hash, bad).toContain('seed=1&');
      await page.click('.banner');
    }
    await seed.fill(' 2 ');
    await seed.press('Enter');
    await page.waitForFunction(() => location.hash.includes('seed=2&'));
    await settled(page);
    expect(await page.locator('.banner').isHidden()).toBe(true);
    await unfocus(page);
    expect(await seed.inputValue()).toBe('2');
    await noErrors(t);
  }, 60_000);

  it("the result JSON from the browser's worker equals `meshsim run --format json` byte for byte", async () => {
    const t = await openPage();
    const { page } = t;
    await page.fill('input[data-ref="seed"]', '3');
    await page.press('input[data-ref="seed"]', 'Enter');
    await page.waitForFunction(() => location.hash.includes('seed=3'));
    await settled(page);
    await unfocus(page);
    await page.keyboard.press('End'); // the JSON comes from the worker whatever the moment on screen
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.done === 'true', null, { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('button[data-ref="json"]')]);
    expect(download.suggestedFilename()).toBe('quickstart-seed3.json');
    const json = readFileSync((await download.path())!, 'utf8');
    const cli = meshsim('run', 'scenarios/quickstart.yaml', '--format', 'json', '--quiet', '--seed', '3');
    expect(cli.status).toBe(0);
    expect(json).toBe(cli.stdout);
    await noErrors(t);
  }, 90_000);

  it('shows the loader problems with line and column, as the CLI prints them', async () => {
    const t = await openPage();
    const { page } = t;
    await page.click('button[data-ref="editor"]');
    const bad = 'name: bad\nseed: 1\nduration: 10s\nnetwork: { latency: 0ms }\nservices:\n  srv:\n    replica: 2\n    serviceTime: 1ms\nclients:\n  c: { target: srv, arrival: { process: poisson, rate: 1/s } }\n';
    await page.fill('.editor textarea', bad);
    await page.click('.editor button[data-ref="run"]');
    await page.waitForSelector('.editor .problems li');
    expect(await page.locator('.editor .problems li').allTextContents()).toEqual([
      'quickstart.yaml:7:5  services.srv.replica: unknown key "replica" (hint: did you mean "replicas"?)',
    ]);
    expect(await page.locator('.banner').textContent()).toContain('1 problem(s)');
    // The run on screen is untouched.
    expect(await page.locator('.panel-label').textContent()).toBe('quickstart');
    await noErrors(t);
  }, 60_000);

  it('before any run has loaded (a shared scenario with problems), Home, End, Space and → do nothing', async () => {
    const t = await openPage();
    const { page } = t;
    const hash = await encodeShare({ text: 'name: bad\n', file: 'bad.yaml' });
    // A fresh page (the query makes it a navigation, not a hash change) that opens the link: nothing loads.
    await page.goto(`${page.url().replace(/[?#].*$/, '')}?fresh#${hash}`);
    await page.waitForFunction(() => document.querySelector('.banner')?.textContent?.includes('problem(s)') === true, null, { timeout: 60_000 });
    const banner = await page.locator('.banner').textContent();
    expect(await page.locator('.panel .card').count()).toBe(0);
    await unfocus(page);
    for (const key of ['Home', 'End', ' ', 'ArrowRight', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.busy === 'false');
    }
    expect(await page.locator('.banner').textContent()).toBe(banner);
    expect(await page.locator('#app').getAttribute('data-playing')).toBe('false');
    await noErrors(t);
  }, 120_000);

  it('exports a chart as SVG and PNG', async () => {
    const t = await openPage();
    const { page } = t;
    await clickTimeline(page, 25_000, 60_000);
    await settled(page);
    const card = page.locator('.card[data-view="timeseries"]');
    const [svg] = await Promise.all([page.waitForEvent('download'), card.locator('button[data-export="svg"]').click()]);
    expect(svg.suggestedFilename()).toBe('quickstart-a-timeseries.svg');
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('crash api-1');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('.card[data-view="heat"] button[data-export="png"]').click()]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await noErrors(t);
  }, 60_000);
});
