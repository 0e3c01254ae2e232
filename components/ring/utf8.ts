/**
 * UTF-8 encoding of a string into a caller-owned buffer, so hashing a key allocates
 * nothing once the buffer is large enough. Lone surrogates become U+FFFD, exactly as
 * `TextEncoder` encodes them, so the bytes (and every hash) are the same on every
 * platform.
 */

/** Upper bound of the UTF-8 length of `text`: 3 bytes per UTF-16 code unit. */
export function utf8LengthMax(text: string): number {
  return text.length * 3;
}

/**
 * Writes the UTF-8 bytes of `text` into `buffer` from index 0 and returns the byte
 * count. `buffer` must hold at least `utf8LengthMax(text)` bytes. O(text.length).
 */
export function encodeUtf8Into(text: string, buffer: Uint8Array): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      buffer[length++] = code;
      continue;
    }
    if (code < 0x800) {
      buffer[length++] = 0xc0 | (code >> 6);
      buffer[length++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) code = surrogatePairCode(text, i);
    if (code > 0xffff) {
      i++; // the low surrogate was consumed with the high one
      buffer[length++] = 0xf0 | (code >> 18);
      buffer[length++] = 0x80 | ((code >> 12) & 0x3f);
    } else {
      buffer[length++] = 0xe0 | (code >> 12);
    }
    buffer[length++] = 0x80 | ((code >> 6) & 0x3f);
    buffer[length++] = 0x80 | (code & 0x3f);
  }
  return length;
}

/** The code point of the surrogate pair at `index`, or U+FFFD when the pair is broken. */
function surrogatePairCode(text: string, index: number): number {
  const high = text.charCodeAt(index);
  const low = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
  if (high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
    return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  }
  return 0xfffd;
}
