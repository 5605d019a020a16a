import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, isWithinDays, todayFrom } from "./days";

describe("dayNumber", () => {
  it("agrees with Date for every day from 1970 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47_846 }), (n) => {
        expect(
          dayNumber(new Date(n * 86_400_000).toISOString().slice(0, 10)),
        ).toBe(n);
      }),
    );
  });

  it("agrees with Date across the years a form accepts, leap days and year 0 included", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("0000-01-01T00:00:00Z"),
          max: new Date("9999-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(dayNumber(iso)).toBe(Math.floor(Date.parse(iso) / 86_400_000));
        },
      ),
    );
    for (const iso of [
      "0000-01-01",
      "0000-02-29",
      "0000-03-01",
      "2000-02-29",
      "2100-03-01",
      "9999-12-31",
    ]) {
      expect(dayNumber(iso)).toBe(Math.floor(Date.parse(iso) / 86_400_000));
    }
  });
});

describe("todayFrom", () => {
  it.each([
    ["2026-11-22", "2026-11-22"],
    ["2026-11-22T00:00:00Z", "2026-11-22"],
    ["2026-11-22T23:59:59-11:00", "2026-11-22"],
    ["2026-11-22T00:30:00+14:00", "2026-11-22"],
  ])("counts %s as %s", (now, day) => {
    expect(todayFrom(now)).toBe(dayNumber(day));
  });

  it("counts epoch milliseconds by the UTC day", () => {
    expect(todayFrom(Date.UTC(2026, 10, 22, 23, 59))).toBe(
      dayNumber("2026-11-22"),
    );
  });
});

describe("isWithinDays", () => {
  it.each([
    ["2026-11-22", 0, true],
    ["2026-11-21", 0, false],
    ["2026-08-24", 90, true],
    ["2026-08-23", 90, false],
    ["2026-11-23", 90, false],
    ["2024-02-29", 1000, true],
  ])("%s within %i days of 2026-11-22 → %s", (day, window, expected) => {
    expect(isWithinDays(day, dayNumber("2026-11-22"), window)).toBe(expected);
  });
});
