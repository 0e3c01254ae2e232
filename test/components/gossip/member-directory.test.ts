import { describe, expect, it } from 'vitest';
import { MemberDirectory } from '../../../components/gossip/index';

describe('MemberDirectory', () => {
  it('interns addresses as dense indexes, once each', () => {
    const directory = new MemberDirectory();
    expect(directory.intern('a')).toBe(0);
    expect(directory.intern('b')).toBe(1);
    expect(directory.intern('a')).toBe(0);
    expect(directory.size).toBe(2);
    expect(directory.address(1)).toBe('b');
    expect(directory.indexOf('c')).toBe(-1);
  });

  it('rejects empty addresses and unknown indexes', () => {
    const directory = new MemberDirectory();
    expect(() => directory.intern('')).toThrow(/non-empty string/);
    expect(() => directory.address(3)).toThrow(/no member with directory index 3/);
  });
});
