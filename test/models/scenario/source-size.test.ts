import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../models/scenario/limits';
import { byteSize, sizeProblem, utf8Length } from '../../../models/scenario/source-size';

describe('sizeProblem', () => {
  it('accepts 1 MiB and refuses one byte more, counting UTF-8 bytes', () => {
    expect(sizeProblem('x'.repeat(INPUT_LIMITS.fileBytes))).toBeUndefined();
    expect(sizeProblem('x'.repeat(INPUT_LIMITS.fileBytes + 1))?.message).toBe('the file is 1.0 MiB (1,048,577 bytes), over the limit of 1 MiB for a scenario');
    // 349,526 three-byte characters are 1,048,578 bytes.
    expect(sizeProblem('€'.repeat(349_526))?.message).toBe('the file is 1.0 MiB (1,048,578 bytes), over the limit of 1 MiB for a scenario');
  });
});

describe('utf8Length and byteSize', () => {
  it('count bytes as UTF-8 encodes them', () => {
    for (const text of ['abc', 'é', '€', '😀', 'a😀é€', '']) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('print sizes as people read them', () => {
    expect([byteSize(512), byteSize(3482), byteSize(1024 * 1024), byteSize(52_428_987)]).toEqual(['512 bytes', '3.4 KiB', '1 MiB', '50.0 MiB']);
  });
});
