import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickTimeline, noErrors, openScenario, settled, unfocus, useHarness } from './support/browser';

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The boxes of the elements `selector` matches, as drawn on the page. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((elements) => elements.map((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }));
}

const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** WCAG 2 contrast ratio of the text of `selector` against its background (both opaque rgb). */
function contrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => {
    const style = getComputedStyle(element);
    const luminance = (css: string): number => {
      const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

// The app's text and marks stay readable: nothing drawn over a label, no tick that
// misreads, and a line that does not invent values where there are none.
describe('legibility in the browser', () => {
  const openPage = useHarness();

  it('the Play and Pause button reads at WCAG AA contrast (4.5:1) in both states', async () => {
    const t = await openPage();
    const { page } = t;
    expect(await contrast(page, 'button[data-ref="play"]')).toBeGreaterThanOrEqual(4.5);
    await unfocus(page);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('button[data-ref="play"]')?.textContent?.includes('Pause') === true);
    await page.mouse.move(0, 0);
    expect(await contrast(page, 'button[data-ref="play"]')).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press(' ');
    await settled(page);
    await noErrors(t);
  }, 60_000);

  it("a crashed replica's ✕ and its labels do not overlap", async () => {
    const t = await openPage();
    const { page } = t;
    await clickTimeline(page, 25_000, 60_000);
    await settled(page);
    const node = '[data-view="topology"] [data-node="api-1"]';
    expect(await page.locator(node).getAttribute('class')).toContain('crashed');
    expect(await page.locator(`${node} text`).textContent()).toBe('api-1down');
    const [cross] = await boxes(page, `${node} path.cross`);
    const [body] = await boxes(page, `${node} rect.body`);
    expect(cross!.right - cross!.left).toBeGreaterThanOrEqual(8); // still a visible mark
    expect(cross!.left >= body!.left && cross!.right <= body!.right && cross!.top >= body!.top && cross!.bottom <= body!.bottom).toBe(true);
    for (const line of await boxes(page, `${node} tspan`)) expect(overlap(cross!, line)).toBe(false);
    await noErrors(t);
  }, 60_000);

  it('the latency axis: no tick label overlaps the "ms (log)" unit', async () => {
    const t = await openPage();
    const { page } = t;
    for (const file of ['microservices.yaml', 'quickstart.yaml', 'central-proxy.yaml']) {
      await openScenario(page, file);
      await unfocus(page);
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.done === 'true', null, { timeout: 60_000 });
      await settled(page);
      const [unit] = await boxes(page, '[data-view="latency"] svg.chart text:text-is("ms (log)")');
      expect(unit, file).toBeDefined();
      const ticks = await boxes(page, '[data-view="latency"] .axis.x .tick text');
      expect(ticks.length, file).toBeGreaterThan(1);
      for (const tick of ticks) expect(overlap(unit!, tick), file).toBe(false);
    }
    await noErrors(t);
  }, 120_000);

  it('the time-series axes read 0 as 0, never "0k", and keep small values', async () => {
    const t = await openPage();
    const { page } = t;
    await openScenario(page, 'central-proxy.yaml'); // 2,400 requests a second: thousands on the throughput axis
    await clickTimeline(page, 30_000, 60_000);
    await settled(page);
    const ticks = await page.locator('[data-view="timeseries"] .row .axis.y .tick text').allTextContents();
    const throughput = await page.locator('[data-view="timeseries"] .row.throughput .axis.y .tick text').allTextContents();
    expect(throughput[0]).toBe('0');
    expect(throughput.some((text) => /k$/.test(text))).toBe(true);
    for (const text of ticks) expect(text).not.toMatch(/^-?0(\.0+)?[kMGm]$/);
    await noErrors(t);
  }, 60_000);

  it('the p50 and p99 lines break over windows without a successful request', async () => {
    const t = await openPage();
    const { page } = t;
    await openScenario(page, 'microservices.yaml'); // every request fails during the 20–30 s partition
    await unfocus(page);
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#app')!.dataset.done === 'true', null, { timeout: 60_000 });
    await settled(page);
    for (const series of ['p50', 'p99']) {
      const d = (await page.locator(`[data-view="timeseries"] path.series.${series}`).getAttribute('d'))!;
      expect(d.match(/M/g)?.length, series).toBe(2); // before and after the partition
    }
    // Throughput is zero there, not missing: one unbroken line.
    expect((await page.locator('[data-view="timeseries"] path.series.ok').getAttribute('d'))!.match(/M/g)?.length).toBe(1);
    await noErrors(t);
  }, 60_000);
});
