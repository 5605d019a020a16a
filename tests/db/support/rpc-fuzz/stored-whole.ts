import type { Field, WriteFunction } from './rules';

/**
 * Whether a successful call stored its payload whole: every field the
 * payload sent reads back from the table as sent (with the documented
 * normalisations: emails and domains lower-cased, lists as sets where the
 * API says so, blank text as null), and every field it left out is null or
 * its documented default. Returns the differences, empty when whole.
 */
export function storedWhole(fn: WriteFunction, payload: Record<string, unknown>, result: unknown, readback: Record<string, unknown> | null): string[] {
  if (fn.name === 'delete_record' || fn.name === 'remove_member') {
    // true: it was there and is gone now. false: there was nothing the caller
    // can see to delete (a replay, or a row row-level security hides), and nothing changed.
    return result === false || readback?.exists === false ? [] : [`answered ${JSON.stringify(result)} but the row is still there`];
  }
  if (fn.name === 'set_organization_domains') {
    const wanted = sortedSet(((payload.domains as string[] | null | undefined) ?? []).map((d) => d.toLowerCase()));
    return same(readback?.domains, wanted) ? [] : [`domains ${JSON.stringify(readback?.domains)} ≠ ${JSON.stringify(wanted)}`];
  }
  if (!readback) return ['the call answered a row that is not in the table'];
  const problems: string[] = [];
  if (!same(stable(result), stable(withoutExtras(readback)))) problems.push('the answered row differs from the stored row');
  for (const [name, field] of Object.entries(fn.fields)) {
    if (fn.name === 'save_account_milestone' && name === 'id') continue; // one per kind: an existing milestone keeps its id (API.md)
    if ((fn.name === 'save_business_case' || fn.name === 'save_close_record') && name === 'id') continue; // one per opportunity: likewise
    const sent = payload[name];
    const stored = readback[field.column ?? name];
    const expected = expectedValue(field, sent, name in payload);
    if (expected === SKIP) continue;
    if (!same(normalise(field, stored), expected)) problems.push(`${name}: sent ${JSON.stringify(sent)}, stored ${JSON.stringify(stored)}`);
  }
  if (fn.name === 'save_close_record' && readback.opportunity_status !== payload.outcome) {
    problems.push(`the opportunity's status is ${String(readback.opportunity_status)}, not the outcome ${String(payload.outcome)}`);
  }
  return problems;
}

const SKIP = Symbol('skip');

function expectedValue(field: Field, sent: unknown, present: boolean): unknown {
  const absent = !present || sent === null || (typeof sent === 'string' && sent.trim() === '' && ['text', 'email', 'https'].includes(field.rule.t));
  if (absent) {
    if (field.default === 'keep') return SKIP;
    if (field.default !== undefined) return normalise(field, field.default);
    return null;
  }
  return normalise(field, sent);
}

function normalise(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.rule.t) {
    case 'uuid':
    case 'email':
      return String(value).toLowerCase();
    case 'number':
    case 'integer':
      return Number(value);
    case 'enumList':
    case 'uuidList':
    case 'domainList':
      return sortedSet((value as unknown[]).map((v) => String(v).toLowerCase()));
    default:
      return value;
  }
}

const sortedSet = (items: string[]) => [...new Set(items)].sort();
const withoutExtras = ({ domains: _d, opportunity_status: _s, ...row }: Record<string, unknown>) => row;
const stable = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
const same = (a: unknown, b: unknown) => stable(a) === stable(b);
