/**
 * Calendar days as whole numbers (days since 1970-01-01), so freshness checks are
 * integer comparisons. The rules never read a clock: "today" comes from `now`.
 */
const MS_PER_DAY = 86_400_000;

/**
 * The day number of a `YYYY-MM-DD` string. Facts are validated before they reach
 * the rules, so this reads the digits directly instead of building a Date: it runs
 * for every dated record of every opportunity a dashboard evaluates.
 */
export function dayNumber(isoDay: string): number {
  const year = digits(isoDay, 0, 4);
  const month = digits(isoDay, 5, 7);
  const day = digits(isoDay, 8, 10);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/**
 * "Today" for the rules, from `now`:
 * - an ISO string counts the calendar day written in it (`2026-11-22T23:30:00-08:00`
 *   is the 22nd), so a caller that passes the user's local time gets the user's day;
 * - epoch milliseconds count the UTC day.
 * Throws on anything else: a wrong clock must not silently make evidence stale.
 */
export function todayFrom(now: string | number): number {
  if (typeof now === 'number') {
    if (!Number.isFinite(now)) throw new RangeError(`now must be a finite epoch in milliseconds, got ${now}`);
    return Math.floor(now / MS_PER_DAY);
  }
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(now) || Number.isNaN(Date.parse(now))) {
    throw new RangeError(`now must be an ISO date or timestamp, got "${now}"`);
  }
  return dayNumber(now);
}

/** Whether a record dated `isoDay` is at most `windowDays` old on `today` (and not in the future). */
export function isWithinDays(isoDay: string, today: number, windowDays: number): boolean {
  const age = today - dayNumber(isoDay);
  return age >= 0 && age <= windowDays;
}

/** Whether a record dated `isoDay` has happened by `today`. */
export function hasHappened(isoDay: string, today: number): boolean {
  return dayNumber(isoDay) <= today;
}
