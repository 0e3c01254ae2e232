import { describe, expect, it } from 'vitest';
import { clickTimeline, noErrors, openScenario, settled, type TestPage, useHarness } from './support/browser';

// End-to-end: the ring, B+tree and gossip views in the built app (Chromium), each shown
// only for scenarios with the matching component.
describe('component views in the browser', () => {
  const openPage = useHarness();

  const open = (t: TestPage, file: string) => openScenario(t.page, file);

  it('kv: the ring shows every node\u2019s points and shares, and the new node\u2019s after an add-node; the B+tree shows the levels of the selected node', async () => {
    const t = await openPage();
    const { page } = t;
    // Not for services without a kv component.
    expect(await page.locator('.card[data-view="ring"]').count()).toBe(0);
    expect(await page.locator('.card[data-view="btree"]').count()).toBe(0);
    await open(t, 'kv-add-node.yaml');
    const ring = page.locator('[data-view="ring"] svg.chart');
    await page.waitForFunction(() => document.querySelector('[data-view="ring"] svg.chart')?.getAttribute('data-members') === '5');
    expect(await ring.getAttribute('data-points')).toBe('800'); // 5 nodes × 160 vnodes
    expect(await ring.locator('path.vnodes').count()).toBe(5);
    expect(await ring.locator('rect.share').count()).toBe(5);
    // Hovering a node's row picks out its points (colours repeat beyond eight nodes).
    await page.hover('[data-view="ring"] rect.row-hit[data-member="kv-2"]');
    expect(await ring.getAttribute('class')).toContain('focus');
    expect(await ring.locator('path.vnodes.on').getAttribute('data-member')).toBe('kv-2');
    await page.mouse.move(0, 0);
    expect(await ring.getAttribute('class')).not.toContain('focus');
    const tree = page.locator('[data-view="btree"] svg.chart');
    expect(await tree.getAttribute('data-node')).toBe('kv-0');
    const levels = Number(await tree.getAttribute('data-levels'));
    expect(levels).toBeGreaterThanOrEqual(2);
    expect(await tree.locator('g.level').count()).toBe(levels);
    expect(await tree.locator('g.level[data-depth="0"]').getAttribute('data-nodes')).toBe('1');
    await page.selectOption('[data-view="btree"] select.btree-node', 'kv-3');
    expect(await tree.getAttribute('data-node')).toBe('kv-3');
    // The node the add-node brings in is drawn from the start, empty, without edges.
    const added = page.locator('[data-view="topology"] g.node[data-node="kv-5"]');
    expect(await added.getAttribute('class')).toContain('absent');
    expect(await page.locator('[data-view="topology"] line.edge.absent').count()).toBe(1);
    // After the add-node at 20 s, the ring has a sixth node and its points.
    await clickTimeline(page, 21_000, 60_000);
    await settled(page);
    await page.waitForFunction(() => document.querySelector('[data-view="ring"] svg.chart')?.getAttribute('data-members') === '6');
    expect(await ring.getAttribute('data-points')).toBe('960');
    expect(await ring.locator('path.vnodes[data-member="kv-5"]').count()).toBe(1);
    expect(await page.locator('[data-view="btree"] select.btree-node option').count()).toBe(6);
    expect(await tree.getAttribute('data-node')).toBe('kv-3'); // the selection stays
    expect(await added.getAttribute('class')).not.toContain('absent');
    expect(await page.locator('[data-view="topology"] line.edge.absent').count()).toBe(0);
    await noErrors(t);
  }, 90_000);

  it('gossip: a crash shows as a down member, then suspected and dead; informed fractions climb per rumour', async () => {
    const t = await openPage();
    const { page } = t;
    expect(await page.locator('.card[data-view="gossip"]').count()).toBe(0);
    await open(t, 'swim-crash-detection.yaml');
    const svg = page.locator('[data-view="gossip"] svg.chart');
    await page.waitForFunction(() => document.querySelector('[data-view="gossip"] svg.chart')?.getAttribute('data-members') === '1000');
    expect(await svg.getAttribute('data-down')).toBe('0');
    await clickTimeline(page, 30_000, 60_000); // gossip-17 crashed at 20 s
    await settled(page);
    await page.waitForFunction(() => document.querySelector('[data-view="gossip"] svg.chart')?.getAttribute('data-down') === '1', null, { timeout: 20_000 });
    expect(Number(await svg.getAttribute('data-dead')) + Number(await svg.getAttribute('data-suspect'))).toBeGreaterThanOrEqual(1);
    expect(await svg.locator('text.gossip-summary').textContent()).toMatch(/first suspicion p50 [\d.]+ (µs|ms|s) .*false positives 0/);
    await open(t, 'gossip-convergence.yaml');
    await clickTimeline(page, 10_000, 30_000);
    await settled(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-view="gossip"] path.rumour').length > 3, null, { timeout: 20_000 });
    const d = await svg.locator('path.rumour').first().getAttribute('d');
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
    await noErrors(t);
  }, 90_000);
});
