import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComponentError } from '../../components/errors';
import { report } from '../../cli/main';

describe('report', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a component refusing an option is bad input (exit 2, one line with its hint), an invariant an internal error (exit 1)', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => (written.push(String(text)), true));
    expect(report(new ComponentError('option.out-of-range', 'least-request: choices must be at least 2, got 1', 'choices: 2'))).toBe(2);
    expect(written).toEqual(['meshsim: least-request: choices must be at least 2, got 1 (hint: choices: 2)\n']);
    written.length = 0;
    expect(report(new ComponentError('btree.invariant-violated', 'btree: leaf out of order'))).toBe(1);
    expect(written[0]).toBe('meshsim: internal error: btree: leaf out of order\n');
  });
});
