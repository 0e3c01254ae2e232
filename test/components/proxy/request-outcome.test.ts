import { describe, expect, it } from 'vitest';
import { outlierOutcome, retryOutcome, type RequestOutcome } from '../../../components/proxy';

describe('request outcomes', () => {
  it('map to what outlier detection hears: local failures as Envoy counts them, anything else as 5xx', () => {
    const all: RequestOutcome[] = ['ok', 'error', 'rejected', 'reset', 'timeout', 'no-host'];
    expect(all.map(outlierOutcome)).toEqual(['ok', '5xx', '5xx', 'reset', 'timeout', '5xx']);
  });

  it('map to what the retry policy hears: an error answer is a 5xx', () => {
    expect((['error', 'rejected', 'reset', 'timeout'] as const).map(retryOutcome)).toEqual(['5xx', 'rejected', 'reset', 'timeout']);
  });
});
