import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { DELETABLE_KINDS, type Field, type Ref, type Rule, type WriteFunction } from './rules';

/**
 * Random payloads for one write function, from its documented field rules:
 * valid ones, almost-valid ones (one field made hostile, an unknown field, a
 * required field dropped) and hostile ones (not an object, random keys).
 */

/** tests.id(label) of tests/db/test-helpers.sql. */
export function fixtureId(label: string): string {
  const hex = createHash('md5').update(`sidecar-fixture:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type Actor = 'csm_a' | 'manager_a' | 'admin_a' | 'csm_b' | 'newcomer' | 'anon';
export interface Call {
  who: Actor;
  payload: unknown;
}

/** Ids organization A's people may use, and organization B's, which they may not. */
const own: Record<Exclude<Ref, 'record'>, string[]> = {
  organization: [fixtureId('organizations:A')],
  account: [fixtureId('accounts:A'), fixtureId('accounts:A:by-manager')],
  opportunity: [fixtureId('opportunities:A'), fixtureId('opportunities-2:A'), fixtureId('opportunities-3:A')],
  goal: [fixtureId('goals:A'), fixtureId('goals:A:by-manager')],
  stakeholder: [fixtureId('stakeholders:A'), fixtureId('stakeholders:A:by-manager')],
  'member-user': [fixtureId('user:csm_a'), fixtureId('user:admin_a'), fixtureId('user:manager_a')],
  member: [fixtureId('members:A'), fixtureId('members:A:manager')],
};
const foreign = ['organizations', 'accounts', 'opportunities', 'goals', 'stakeholders', 'members', 'user:csm_b'].map((label) =>
  fixtureId(label.startsWith('user:') ? label : `${label}:B`),
);

/** Text with no NUL (JSON text cannot reach a jsonb parameter with one: PostgREST refuses it before any function). */
const noNul = (s: string) => !s.includes('\u0000');
const anyText = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }), fc.string({ maxLength })).filter(noNul);
const nonBlank = (max: number) => anyText(Math.min(max, 80)).filter((s) => s.trim().length > 0 && s.length <= max);

const LABEL_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789-'];
/** Domain names like example.com (fc.domain() is accurate but slow: this keeps 10,000 payloads cheap). */
const domainName = fc
  .array(fc.array(fc.constantFrom(...LABEL_CHARS), { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')), { minLength: 2, maxLength: 3 })
  .map((labels) => labels.join('.'));

const sqlLooking = fc.constantFrom(
  "'; drop table public.accounts; --",
  "1' or '1'='1",
  '$$; select pg_sleep(10); $$',
  "') union select email from auth.users --",
  '%s %I %L %%',
  '\\x00\\\\',
  '<script>alert(1)</script>',
  'null',
  'NaN',
  'Infinity',
);

function validValue(rule: Rule, table: string): fc.Arbitrary<unknown> {
  switch (rule.t) {
    case 'uuid':
      if (rule.ref === 'record') {
        return fc.oneof(
          { arbitrary: fc.uuid({ version: 4 }), weight: 6 },
          { arbitrary: fc.constant(fixtureId(`${table}:A`)), weight: 2 },
          { arbitrary: fc.constant(fixtureId(`${table}:A:by-manager`)), weight: 1 },
        );
      }
      return fc.constantFrom(...own[rule.ref]);
    case 'text':
      return fc.oneof({ arbitrary: nonBlank(rule.max), weight: 9 }, { arbitrary: fc.constant('é'.repeat(rule.max)), weight: 1 }, { arbitrary: sqlLooking, weight: 1 });
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= 320);
    case 'https':
      return fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= rule.max);
    case 'date':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'number':
      return fc.oneof(fc.integer({ min: rule.min, max: 1_000_000_000 }), fc.integer({ min: rule.min * 100, max: Math.floor(rule.max) * 100 }).map((cents) => cents / 100));
    case 'integer':
      return fc.integer({ min: rule.min, max: rule.max });
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...rule.values);
    case 'enumList':
      return fc.array(fc.constantFrom(...rule.values), { maxLength: rule.max });
    case 'textList':
      return fc.array(nonBlank(rule.maxLength), { maxLength: Math.min(rule.max, 5) });
    case 'uuidList':
      return fc.subarray(own[rule.ref as Exclude<Ref, 'record'>]);
    case 'domainList':
      return fc.array(domainName, { maxLength: Math.min(rule.max, 4) });
  }
}

const overLong = (max: number) => fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'x'.repeat(n));
const wrongType = fc.oneof(fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant({}), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue());

function hostileValue(rule: Rule): fc.Arbitrary<unknown> {
  const common = fc.oneof(fc.constant(null), fc.constant(''), fc.constant('   '), wrongType, sqlLooking, anyText(40));
  const specific: fc.Arbitrary<unknown> = (() => {
    switch (rule.t) {
      case 'uuid':
      case 'uuidList': {
        const bad = fc.oneof(
          fc.constantFrom(...foreign),
          fc.uuid(),
          fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{00000000-0000-0000-0000-000000000000}', '0'.repeat(32)),
          fc.uuid().map((u) => u.toUpperCase()),
          fc.uuid().map((u) => `${u} `),
        );
        return rule.t === 'uuid' ? bad : fc.oneof(fc.array(bad, { minLength: 1, maxLength: 3 }), fc.array(fc.uuid(), { minLength: rule.max + 1, maxLength: rule.max + 3 }), bad);
      }
      case 'text':
        return overLong(rule.max);
      case 'email':
        return fc.constantFrom('no-at-sign', 'a@b', 'two@@signs.example', 'sp ace@x.example', '@x.example', 'x@.example', `${'a'.repeat(320)}@x.example`, 'UPPER@CASE.EXAMPLE');
      case 'https':
        return fc.oneof(fc.constantFrom('http://x.example', 'javascript:alert(1)', 'HTTPS://x.example', ' https://x.example', 'https:/x', 'ftp://x'), overLong(rule.max).map((x) => `https://${x}`));
      case 'date':
        return fc.constantFrom('2026-02-30', '0000-01-01', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '2026-01-01T00:00:00Z', '9999-99-99', '2026/01/01', '２０２６-01-01', '-2026-01-01', '5874898-01-01');
      case 'number':
      case 'integer':
        return fc.oneof(
          fc.constantFrom(-1, -0.01, rule.max + 1, 1e300, -1e300, 0.001, 1.005, 1.5, 0, 1e-12, 999999999999.999, 99999999999.995),
          fc.constantFrom('5', '1e3', 'NaN'),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        );
      case 'bool':
        return fc.constantFrom('true', 0, 1, 'false', 'yes');
      case 'enum':
      case 'enumList': {
        const bad = fc.oneof(
          fc.constantFrom(...rule.values).map((v) => v.toUpperCase()),
          fc.constantFrom(...rule.values).map((v) => ` ${v}`),
          fc.constantFrom(...rule.values).map((v) => `${v}\u200b`),
          fc.constantFrom('other_value', 'accounts; --', ''),
        );
        return rule.t === 'enum' ? bad : fc.oneof(fc.array(bad, { minLength: 1, maxLength: 3 }), bad, fc.array(fc.constantFrom(...rule.values), { minLength: rule.max + 1, maxLength: rule.max + 5 }));
      }
      case 'textList':
        return fc.oneof(
          fc.array(overLong(rule.maxLength), { minLength: 1, maxLength: 2 }),
          fc.array(fc.constant('x'), { minLength: rule.max + 1, maxLength: rule.max + 3 }),
          fc.array(wrongType, { minLength: 1, maxLength: 2 }),
          fc.constant(['   ']),
          fc.constant('not a list'),
        );
      case 'domainList':
        return fc.oneof(
          fc.array(fc.constantFrom('no_dot', 'a..b', ' x.example', 'bücher.example', 'x.example.', 'vendor-a.example', 'a-customer.example', 'UPPER.EXAMPLE', 'b-customer.example'), { minLength: 1, maxLength: 3 }),
          fc.array(domainName, { minLength: rule.max + 1, maxLength: rule.max + 3 }),
          fc.array(overLong(253).map((x) => `${x}.example`), { minLength: 1, maxLength: 1 }),
          fc.constant('x.example'),
        );
    }
  })();
  return fc.oneof({ arbitrary: specific, weight: 2 }, { arbitrary: common, weight: 1 });
}

function validPayload(fn: WriteFunction): fc.Arbitrary<Record<string, unknown>> {
  const parts = Object.entries(fn.fields).map(([name, field]: [string, Field]) => {
    const valid = validValue(field.rule, fn.name === 'delete_record' ? 'goals' : fn.table);
    const value = field.required ? valid.map((v) => ({ present: true, v })) : fc.oneof(
      { arbitrary: fc.constant({ present: false, v: undefined as unknown }), weight: 2 },
      { arbitrary: fc.constant({ present: true, v: null as unknown }), weight: 1 },
      { arbitrary: valid.map((v) => ({ present: true, v })), weight: 4 },
    );
    return value.map((entry) => [name, entry] as const);
  });
  return fc.tuple(...parts).map((entries) => Object.fromEntries(entries.filter(([, e]) => e.present).map(([name, e]) => [name, e.v])));
}

function deleteTargets(): fc.Arbitrary<Record<string, unknown>> {
  // delete_record's id should name a record of its kind: a fixture row of A (own or colleague's), of B, or nothing.
  return fc.constantFrom(...DELETABLE_KINDS).chain((kind) =>
    fc.record({ kind: fc.constant(kind), id: fc.constantFrom(fixtureId(`${kind}:A`), fixtureId(`${kind}:A:by-manager`), fixtureId(`${kind}:B`), '6f1e6c1a-0000-4000-8000-000000000000') }),
  );
}

/** The payload arbitrary of one write function: about half valid, a third almost valid, the rest hostile. */
export function payloads(fn: WriteFunction): fc.Arbitrary<unknown> {
  const valid = fn.name === 'delete_record' ? fc.oneof(deleteTargets(), validPayload(fn)) : validPayload(fn);
  const names = Object.keys(fn.fields);
  const almost = fc.tuple(valid, fc.constantFrom(...names), fc.nat(3)).chain(([payload, field, how]) => {
    if (how === 0) return fc.constant({ ...payload, [`${field}_extra`]: 1 } as unknown);
    if (how === 1) {
      const { [field]: _dropped, ...rest } = payload;
      return fc.constant(rest as unknown);
    }
    return hostileValue(fn.fields[field]!.rule).map((value) => ({ ...payload, [field]: value }) as unknown);
  });
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), fc.jsonValue()),
    fc.constant(JSON.parse('{"__proto__":{"id":"x"},"constructor":{"prototype":{}}}') as unknown),
  );
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: almost, weight: 4 }, { arbitrary: hostile, weight: 1 });
}

/** Mostly the function's own actor; sometimes someone who should be refused or limited. */
export function calls(fn: WriteFunction): fc.Arbitrary<Call> {
  const who = fc.oneof(
    { arbitrary: fc.constant<Actor>(fn.actor), weight: 17 },
    { arbitrary: fc.constantFrom<Actor>('csm_a', 'manager_a', 'admin_a', 'csm_b', 'newcomer', 'anon'), weight: 3 },
  );
  return fc.record({ who, payload: payloads(fn) });
}
