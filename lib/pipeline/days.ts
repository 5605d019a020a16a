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
  const year =
    (isoDay.charCodeAt(0) - 48) * 1000 +
    (isoDay.charCodeAt(1) - 48) * 100 +
    (isoDay.charCodeAt(2) - 48) * 10 +
    (isoDay.charCodeAt(3) - 48);
  const month = (isoDay.charCodeAt(5) - 48) * 10 + (isoDay.charCodeAt(6) - 48);
  const day = (isoDay.charCodeAt(8) - 48) * 10 + (isoDay.charCodeAt(9) - 48);
  return daysFromCivil(year, month, day);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic
 * (Howard Hinnant's `days_from_civil`, with the year counted from March so leap
 * days fall at the end): several times cheaper than `Date.UTC`. Truncating
 * divisions stand for `Math.floor` while the March-based year is not negative,
 * which leaves out only January and February of year 0.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const leapDays =
    y >= 0
      ? ((y / 4) | 0) - ((y / 100) | 0) + ((y / 400) | 0)
      : Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  return y * 365 + leapDays + DAYS_BEFORE_MONTH[month]! + day - 1 - 719_468;
}

/** By month (1–12), the days from 1 March to its first day, as `days_from_civil` counts them. */
const DAYS_BEFORE_MONTH: readonly number[] = Array.from(
  { length: 13 },
  (_, m) => (m === 0 ? 0 : Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5)),
);

/**
 * "Today" for the rules, from `now`:
 * - an ISO string counts the calendar day written in it (`2026-11-22T23:30:00-08:00`
 *   is the 22nd), so a caller that passes the user's local time gets the user's day;
 * - epoch milliseconds count the UTC day.
 * Throws on anything else: a wrong clock must not silently make evidence stale.
 */
export function todayFrom(now: string | number): number {
  if (typeof now === "number") {
    if (!Number.isFinite(now))
      throw new RangeError(
        `now must be a finite epoch in milliseconds, got ${now}`,
      );
    return Math.floor(now / MS_PER_DAY);
  }
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(now) || Number.isNaN(Date.parse(now))) {
    throw new RangeError(`now must be an ISO date or timestamp, got "${now}"`);
  }
  return dayNumber(now);
}

/** Whether a record dated `isoDay` is at most `windowDays` old on `today` (and not in the future). */
export function isWithinDays(
  isoDay: string,
  today: number,
  windowDays: number,
): boolean {
  return isDayWithin(dayNumber(isoDay), today, windowDays);
}

/** `isWithinDays` for a day already read as its number (`dayNumber`). */
export function isDayWithin(day: number, today: number, windowDays: number): boolean {
  const age = today - day;
  return age >= 0 && age <= windowDays;
}

/** Whether a record dated `isoDay` has happened by `today`. */
export function hasHappened(isoDay: string, today: number): boolean {
  return dayNumber(isoDay) <= today;
}
