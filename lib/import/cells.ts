import { z } from 'zod';
import { normaliseConfiguredDomain, parseAddress, registrableDomainOfHost } from '../recognition/domains';
import { DomainName, Money } from '../schemas/common';

/**
 * One cell of an import file, read into the value the store keeps, or the
 * sentence that says why it cannot be. Every reader takes the trimmed cell
 * and treats an empty one as "not given" (`null`), which the planners read
 * as "leave the stored value as it is".
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

/**
 * A customer domain, by the rules recognition and the database use: what a
 * person types (`www.acme.com`, `@acme.com`, `https://acme.com/`) reduced to
 * a lower-case host (lib/recognition/domains.ts), which must be a domain the
 * database accepts (lib/schemas `DomainName`) under a real public suffix
 * (tldts), so `localhost`, `co.uk` and an IP address are refused.
 */
export function readDomain(raw: string): CellResult<string> {
  const host = normaliseConfiguredDomain(raw);
  if (!host || !DomainName.safeParse(host).success || !registrableDomainOfHost(host)) {
    return fail(`"${raw}" is not a domain name such as acme.com`);
  }
  return ok(host);
}

/** Several domains in one cell, separated by commas, semicolons, bars or spaces; de-duplicated, in the order written. */
export function splitList(cell: string): string[] {
  return [...new Set(cell.split(/[\s,;|]+/).filter((part) => part !== ''))];
}

/** An email address, lower-cased as the database stores it. */
export function readEmail(raw: string, what: string): CellResult<string | null> {
  if (raw === '') return ok(null);
  const parsed = parseAddress(raw);
  if (!parsed || parsed.address.length > 320) return fail(`${what} "${raw}" is not an email address`);
  return ok(parsed.address);
}

/** Plain digits with an optional decimal point and at most two decimals: `12000`, `12000.50`. No currency signs or thousands separators, which differ by country. */
const AMOUNT = /^\d+(\.\d{1,2})?$/;

export function readArr(raw: string): CellResult<number | null> {
  if (raw === '') return ok(null);
  if (!AMOUNT.test(raw)) return fail(`ARR "${raw}" is not a number (write digits only, such as 120000 or 120000.50)`);
  const value = Number(raw);
  if (!Money.safeParse(value).success) return fail(`ARR ${raw} is larger than the largest amount Sidecar stores`);
  return ok(value);
}

const IsoDay = z.iso.date();

export function readDay(raw: string, what: string): CellResult<string | null> {
  if (raw === '') return ok(null);
  if (!IsoDay.safeParse(raw).success) return fail(`${what} "${raw}" is not a date written YYYY-MM-DD`);
  return ok(raw);
}

export function readText(raw: string, what: string, max: number): CellResult<string | null> {
  if (raw === '') return ok(null);
  if (raw.length > max) return fail(`${what} is longer than ${max} characters`);
  return ok(raw);
}

/** `Executive sponsor`, `executive-sponsor`, `EXECUTIVE_SPONSOR` → `executive_sponsor`. */
export function enumKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * One value of `values`, written as the value itself or as its label
 * (`Needs education`), in any case.
 */
export function readEnum<T extends string>(raw: string, what: string, values: readonly T[], labels: Readonly<Record<T, string>>): CellResult<T | null> {
  if (raw === '') return ok(null);
  const key = enumKey(raw);
  const found = values.find((value) => value === key || enumKey(labels[value]) === key);
  if (!found) return fail(`${what} "${raw}" is not one of: ${values.join(', ')}`);
  return ok(found);
}

/** Several values of `values` in one cell (commas, semicolons or bars). */
export function readEnumList<T extends string>(raw: string, what: string, values: readonly T[], labels: Readonly<Record<T, string>>): CellResult<T[] | null> {
  if (raw === '') return ok(null);
  const found: T[] = [];
  for (const part of raw.split(/[,;|]+/).map((p) => p.trim()).filter((p) => p !== '')) {
    const one = readEnum(part, what, values, labels);
    if (!one.ok) return fail(one.reason);
    if (one.value && !found.includes(one.value)) found.push(one.value);
  }
  return ok(found);
}
