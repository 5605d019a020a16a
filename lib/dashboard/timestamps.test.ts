import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { epochMsOf } from './timestamps';

const Timestamp = z.iso.datetime({ offset: true });
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Timestamps of every shape the schema takes: any day of years 0000–9999, any fraction length, Z or an offset. */
const timestampArbitrary = fc
  .tuple(
    fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
    fc.option(fc.stringMatching(/^[0-9]{1,15}$/), { nil: null }),
    fc.option(fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { nil: null }),
  )
  .map(([epoch, fraction, zone]) => {
    const iso = new Date(epoch).toISOString();
    const fractionText = fraction === null ? '' : `.${fraction}`;
    const zoneText = zone === null ? 'Z' : `${zone[0]}${pad(zone[1], 2)}:${pad(zone[2], 2)}`;
    return `${iso.slice(0, 19)}${fractionText}${zoneText}`;
  });

describe('reading a timestamp', () => {
  it('gives what Date.parse gives, for every timestamp the schema accepts', () => {
    fc.assert(
      fc.property(timestampArbitrary, (timestamp) => {
        expect(Timestamp.safeParse(timestamp).success).toBe(true);
        expect(epochMsOf(timestamp)).toBe(Date.parse(timestamp));
      }),
      { numRuns: 5000 },
    );
    expect(epochMsOf('2026-10-01T10:00:00.1239+05:30')).toBe(Date.parse('2026-10-01T10:00:00.1239+05:30'));
    expect(epochMsOf('0000-03-01T00:00:00Z')).toBe(Date.parse('0000-03-01T00:00:00Z'));
  });

  it('leaves any other shape to Date.parse', () => {
    for (const odd of ['2026-10-01', '2026-10-01T10:00Z', '2026-10-01T10:00:00+0530', 'yesterday']) expect(epochMsOf(odd)).toStrictEqual(Date.parse(odd));
  });
});
