import { dayNumber } from '../pipeline/days';

/**
 * A checked timestamp (`z.iso.datetime({ offset: true })`:
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`) as epoch milliseconds, exactly
 * as `Date.parse` reads it (a fraction of up to six digits cut to
 * milliseconds), by reading the digits: `Date.parse` costs about half a microsecond a call, and the
 * dashboard reads the time of every stage change (40,000 and more at 20,000
 * accounts) while the page waits to paint. timestamps.test.ts holds the two
 * equal; anything of another shape goes to `Date.parse` itself.
 */
export function epochMsOf(timestamp: string): number {
  const t = timestamp;
  if (t.length < 20 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return Date.parse(t);
  let ms = dayNumber(t) * 86_400_000 + twoDigits(t, 11) * 3_600_000 + twoDigits(t, 14) * 60_000 + twoDigits(t, 17) * 1000;
  let i = 19;
  if (t.charCodeAt(i) === 46) {
    // '.': the first three digits are milliseconds, further ones are cut, as Date.parse does up to
    // microseconds (what PostgreSQL prints); a longer fraction goes to Date.parse, which reads it its own way.
    const from = (i += 1);
    for (let scale = 100; i < t.length; i += 1, scale = (scale / 10) | 0) {
      const digit = t.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      ms += digit * scale;
    }
    if (i - from > 6) return Date.parse(t);
  }
  const zone = t.charCodeAt(i);
  if (zone === 90 && i === t.length - 1) return ms;
  if ((zone !== 43 && zone !== 45) || i + 6 !== t.length || t.charCodeAt(i + 3) !== 58) return Date.parse(t);
  const offset = twoDigits(t, i + 1) * 3_600_000 + twoDigits(t, i + 4) * 60_000;
  // '+01:00' is an hour ahead of UTC: the same moment is an hour earlier in UTC.
  return zone === 43 ? ms - offset : ms + offset;
}

const twoDigits = (t: string, at: number): number => (t.charCodeAt(at) - 48) * 10 + (t.charCodeAt(at + 1) - 48);
