import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isGuid } from './guid';
import { uuidFor } from './pipeline/testing/facts-factory';

describe('the guid check', () => {
  const pattern = z.guid()._zod.def.pattern!;
  const guidLike = fc
    .tuple(fc.array(fc.constantFrom(...'0123456789abcdefABCDEF-gG/:@`z\u0130\u0660 '.split('')), { minLength: 30, maxLength: 40 }), fc.boolean())
    .map(([chars, dashes]) => {
      if (dashes && chars.length >= 24) for (const at of [8, 13, 18, 23]) chars[at] = '-';
      return chars.join('');
    });

  it('answers as zod\'s guid pattern does, on ids, near-ids and anything else', () => {
    fc.assert(
      fc.property(fc.oneof(guidLike, fc.uuid(), fc.string(), fc.anything()), (value) => {
        expect(isGuid(value)).toBe(typeof value === 'string' && pattern.test(value));
      }),
      { numRuns: 3000 },
    );
    expect(isGuid(uuidFor(1))).toBe(true);
    expect(isGuid(uuidFor(1).toUpperCase())).toBe(true);
    expect(isGuid(uuidFor(1).replace(/.$/, 'g'))).toBe(false);
    expect(isGuid(uuidFor(1).replace('-', '0'))).toBe(false);
    expect(isGuid(`${uuidFor(1)}\n`)).toBe(false);
  });
});
