import { describe, expect, it } from 'vitest';
import { Money } from './common';

describe('Money', () => {
  it('accepts what the write RPCs store to the cent, and refuses what they would refuse', () => {
    for (const ok of [0, 0.29, 1234.56, 999_999_999_999]) expect(Money.safeParse(ok).success).toBe(true);
    // A third decimal would be rounded away by numeric(14, 2); the RPCs answer SCTYP, the form says so first.
    for (const bad of [0.001, 1.005, 99_999_999_999.995, 999_999_999_999.5, -1]) expect(Money.safeParse(bad).success).toBe(false);
  });
});
