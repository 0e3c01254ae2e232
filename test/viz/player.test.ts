import { describe, expect, it, vi } from 'vitest';
import type { Panel } from '../../viz/app/panel';
import { Player } from '../../viz/app/player';

/** A panel whose worker has no run yet: every request fails, as SimSession's do before `load`. */
function unloadedPanel() {
  const noRun = () => Promise.reject(new Error('viz: no scenario loaded (call load first)'));
  return { state: undefined, seek: vi.fn(noRun), advance: vi.fn(noRun), restart: vi.fn(noRun), render: vi.fn(), animate: vi.fn() };
}

describe('Player before a run is loaded', () => {
  it('Home, End, steps and play do nothing: no request reaches a worker, no error is shown', async () => {
    const panel = unloadedPanel();
    const failed = vi.fn();
    const player = new Player({ panels: () => [panel as unknown as Panel], changed: () => {}, failed });
    player.seek(0); // Home
    player.seek(player.durationMs()); // End
    player.step(1);
    player.step(-1);
    player.toggle(); // Space
    await player.idle();
    expect(player.playing).toBe(false);
    expect(panel.seek).not.toHaveBeenCalled();
    expect(panel.advance).not.toHaveBeenCalled();
    expect(failed).not.toHaveBeenCalled();
  });

  it('with no panel at all, the same', async () => {
    const failed = vi.fn();
    const player = new Player({ panels: () => [], changed: () => {}, failed });
    player.seek(0);
    player.step(1);
    player.play();
    await player.idle();
    expect(player.playing).toBe(false);
    expect(failed).not.toHaveBeenCalled();
  });
});
