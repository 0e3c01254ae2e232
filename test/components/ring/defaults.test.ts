import { describe, expect, it } from 'vitest';
import { ringDefaults } from '../../../components/ring/defaults';

describe('ringDefaults', () => {
  it('has the expected defaults (ketama, Envoy, Maglev paper)', () => {
    expect(ringDefaults).toEqual({
      vnodes: 160,
      vnodesMax: 1_048_576,
      pointCountMax: 8_388_608,
      weightMax: 1_000_000,
      maglevTableSize: 65_537,
      maglevTableSizeMax: 5_000_011,
      balanceFactor: 1.25,
      balanceFactorMax: 1000,
      minimumRingSize: 1024,
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ringDefaults)).toBe(true);
  });
});
