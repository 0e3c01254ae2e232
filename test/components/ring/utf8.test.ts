import { describe, expect, it } from 'vitest';
import { encodeUtf8Into, utf8LengthMax } from '../../../components/ring/utf8';

function encode(text: string): number[] {
  const buffer = new Uint8Array(utf8LengthMax(text));
  return [...buffer.subarray(0, encodeUtf8Into(text, buffer))];
}

describe('encodeUtf8Into', () => {
  it.each(['', 'ascii', 'ü', 'ह', '€', '𝄞', 'a🦊b', 'mixed ü € 𝄞 text'])('encodes %j as TextEncoder does', (text) => {
    expect(encode(text)).toEqual([...new TextEncoder().encode(text)]);
  });

  it.each(['\ud800', 'a\udc00b', '\udbff\udbff', 'x\ud83e'])('encodes the lone surrogate in %j as U+FFFD, as TextEncoder does', (text) => {
    expect(encode(text)).toEqual([...new TextEncoder().encode(text)]);
  });

  it('never needs more than utf8LengthMax bytes', () => {
    for (const text of ['\u07ff\u0800\uffff', '🦊🦊', '\ud800\ud800']) {
      expect(encode(text).length).toBeLessThanOrEqual(utf8LengthMax(text));
    }
  });
});
