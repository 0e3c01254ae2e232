import { describe, expect, it } from 'vitest';
import { HedgingPolicy, type HedgingOptions } from '../../../components/resilience/hedging';
import { ScriptedEnv } from '../../support/scripted-env';

function setup(options: HedgingOptions) {
  const env = new ScriptedEnv();
  const events: string[] = [];
  const request = new HedgingPolicy(options).begin(env, {
    send: (attempt) => events.push(`send ${attempt}@${env.now()}`),
    cancel: (attempt) => events.push(`cancel ${attempt}@${env.now()}`),
  });
  request.start();
  return { env, events, request };
}

describe('HedgingPolicy', () => {
  it('defaults to one hedge', () => {
    expect(new HedgingPolicy({ delayMs: 10 }).maxHedges).toBe(1);
  });

  it('sends no hedge when the first attempt answers within the delay', () => {
    const { env, events, request } = setup({ delayMs: 50 });
    env.advance(30);
    expect(request.onAttemptEnd(0, true)).toBe('won');
    env.advance(100);
    expect(events).toEqual(['send 0@0']);
    expect(env.clock.pendingTimerCount()).toBe(0);
  });

  it('hedges after the delay; the first success wins and the loser is cancelled', () => {
    const { env, events, request } = setup({ delayMs: 50 });
    env.advance(70);
    expect(request.onAttemptEnd(1, true)).toBe('won');
    expect(events).toEqual(['send 0@0', 'send 1@50', 'cancel 0@70']);
    expect(request.onAttemptEnd(0, true)).toBe('won');
  });

  it('sends up to maxHedges hedges, one delay apart', () => {
    const { env, events, request } = setup({ delayMs: 10, maxHedges: 2 });
    env.advance(100);
    expect(events).toEqual(['send 0@0', 'send 1@10', 'send 2@20']);
    expect(request.attemptsSent).toBe(3);
  });

  it('sends the next hedge at once when an attempt fails, and fails when all have', () => {
    const { env, events, request } = setup({ delayMs: 50 });
    env.advance(5);
    expect(request.onAttemptEnd(0, false)).toBe('pending');
    expect(request.onAttemptEnd(1, false)).toBe('failed');
    env.advance(100);
    expect(events).toEqual(['send 0@0', 'send 1@5']);
  });

  it('cancel() gives up and cancels every attempt in flight', () => {
    const { env, events, request } = setup({ delayMs: 10 });
    env.advance(15);
    request.cancel();
    expect(request.result).toBe('failed');
    expect(events).toEqual(['send 0@0', 'send 1@10', 'cancel 0@15', 'cancel 1@15']);
  });

  it('with maxHedges 0 is a plain request', () => {
    const { env, events } = setup({ delayMs: 10, maxHedges: 0 });
    env.advance(100);
    expect(events).toEqual(['send 0@0']);
  });

  it('rejects bad options', () => {
    expect(() => new HedgingPolicy({} as HedgingOptions)).toThrow('hedging: delayMs is required (a duration in ms)');
    expect(() => new HedgingPolicy({ delayMs: 10, maxHedges: 5 })).toThrow(
      'hedging: maxHedges must be an integer in [0, 4], got 5',
    );
  });
});
