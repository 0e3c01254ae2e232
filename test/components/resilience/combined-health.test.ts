import { describe, expect, it } from 'vitest';
import { Balancer } from '../../../components/balancer/balancer';
import { roundRobinPolicy } from '../../../components/balancer/round-robin';
import { CombinedHealth } from '../../../components/resilience/combined-health';

describe('CombinedHealth', () => {
  it('keeps a host out while any source holds it out', () => {
    const balancer = new Balancer(roundRobinPolicy(), { panicThresholdPercent: 0 });
    balancer.setHosts([{ id: 'a' }, { id: 'b' }]);
    const health = new CombinedHealth((id, healthy) => balancer.setHealthy(id, healthy));
    const outlier = health.listener('outlier');
    const checks = health.listener('health-check');
    outlier.eject('a');
    checks.eject('a');
    expect(balancer.get('a')!.healthy).toBe(false);
    checks.uneject('a');
    expect(balancer.get('a')!.healthy).toBe(false);
    outlier.uneject('a');
    expect(balancer.get('a')!.healthy).toBe(true);
    expect(health.isHealthy('a')).toBe(true);
  });

  it('ignores an uneject from a source that did not eject', () => {
    const calls: string[] = [];
    const health = new CombinedHealth((id, healthy) => calls.push(`${id}:${healthy}`));
    health.listener('outlier').eject('a');
    health.listener('health-check').uneject('a');
    health.listener('outlier').eject('a');
    expect(calls).toEqual(['a:false']);
  });
});
