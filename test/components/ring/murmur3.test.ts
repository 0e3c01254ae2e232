import { describe, expect, it } from 'vitest';
import { murmur3, murmur3String } from '../../../components/ring/murmur3';

describe('murmur3 (MurmurHash3 x86_32)', () => {
  it('passes the SMHasher verification test (0xB0F57EE3)', () => {
    // SMHasher VerificationTest: hash keys {}, {0}, {0,1}, ... {0..254} with seed 256−i,
    // concatenate the 256 hashes little-endian and hash that with seed 0.
    const key = new Uint8Array(256);
    const hashes = new Uint8Array(1024);
    const view = new DataView(hashes.buffer);
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      view.setUint32(i * 4, murmur3(key, i, 256 - i), true);
    }
    expect(murmur3(hashes, 1024, 0)).toBe(0xb0f57ee3);
  });

  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['test', 0, 0xba6bd213],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ])('murmur3String(%j, %d) is the published value', (text, seed, expected) => {
    expect(murmur3String(text, seed)).toBe(expected);
  });

  it('hashes strings as their UTF-8 bytes', () => {
    for (const text of ['ü', '€uro', '🦊 fox', 'key-42', 'x'.repeat(1000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(murmur3String(text, 7)).toBe(murmur3(bytes, bytes.length, 7));
    }
  });

  it('returns unsigned 32-bit integers and defaults the seed to 0', () => {
    for (let i = 0; i < 1000; i++) {
      const h = murmur3String(`key-${i}`);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      expect(h).toBe(murmur3String(`key-${i}`, 0));
    }
  });

  it('handles every tail length (0–3 bytes after the 4-byte blocks)', () => {
    const seen = new Set<number>();
    for (const text of ['abcd', 'abcde', 'abcdef', 'abcdefg']) seen.add(murmur3String(text));
    expect(seen.size).toBe(4);
  });
});
