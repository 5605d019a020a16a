import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTo, emptyBucket, parseBucket, patchBucket, type Bucket, type BucketPatch } from './recognition-rows';

const ACCOUNT = '3f0c8e4a-7b1d-4c2e-9a5f-0123456789ab';

function bucketText(): string {
  const bucket = emptyBucket();
  addTo(bucket, 'accounts', { id: ACCOUNT, name: 'Acme Ltd' });
  addTo(bucket, 'accounts', { id: 'b2', name: 'Globex', aliases: ['Globex Corp'] });
  addTo(bucket, 'account_domains', { id: 'd1', account_id: ACCOUNT, domain: 'eu.acme.co.uk' });
  addTo(bucket, 'account_domains', { id: 'd2', account_id: ACCOUNT, domain: 'gmail.com' });
  addTo(bucket, 'stakeholders', { id: 's1', account_id: ACCOUNT, name: 'Dana', email: 'dana@acme.co.uk' });
  addTo(bucket, 'organization_domains', { id: 'o1', domain: 'sidecar.example' });
  return JSON.stringify(bucket);
}

describe('reading a recognition bucket back from storage', () => {
  it('gives back every row the cache wrote, keys included', () => {
    const text = bucketText();
    expect(parseBucket(text)).toEqual(JSON.parse(text));
    expect(parseBucket(JSON.stringify(emptyBucket()))).toEqual(emptyBucket());
  });

  it.each([
    ['text that is not JSON', '{"a": ['],
    ['a value that is not text', 42],
    ['a bucket without one of its lists', JSON.stringify({ a: [], d: [], s: [] })],
    ['a list that is not a list', JSON.stringify({ a: {}, d: [], s: [], o: [] })],
    ['an account without its name keys (an older layout)', JSON.stringify({ a: [[ACCOUNT, 'Acme Ltd']], d: [], s: [], o: [] })],
    ['an account whose aliases are not text', JSON.stringify({ a: [[ACCOUNT, 'Acme', ['acme'], [7]]], d: [], s: [], o: [] })],
    ['a domain row one field short', JSON.stringify({ a: [], d: [['d1', ACCOUNT, 'acme.example', 0]], s: [], o: [] })],
    ['a domain key that is neither text, 0 nor null', JSON.stringify({ a: [], d: [['d1', ACCOUNT, 'acme.example', 1, 0]], s: [], o: [] })],
    ['a stakeholder with a numeric address', JSON.stringify({ a: [], d: [], s: [['s1', ACCOUNT, 5, 'Dana', 0]], o: [] })],
    ['an own domain that is an object', JSON.stringify({ a: [], d: [], s: [], o: [{ id: 'o1', domain: 'x.example' }] })],
  ])('refuses %s, so the cache is rebuilt instead', (_, stored) => {
    expect(parseBucket(stored)).toBeNull();
  });
});

/** The definition: each patch in turn drops its record's row (the first one found) and adds the new one at the end. */
function patchOneByOne(bucket: Bucket, patches: readonly BucketPatch[]): void {
  const field = { accounts: 'a', account_domains: 'd', stakeholders: 's', organization_domains: 'o' } as const;
  for (const { kind, id, record } of patches) {
    const rows = bucket[field[kind]] as unknown[][];
    const at = rows.findIndex((row) => row[0] === id);
    if (at >= 0) rows.splice(at, 1);
    if (record) addTo(bucket, kind, record);
  }
}

const ids = ['a1', 'a2', 'a3', 'd1', 'd2', 's1', 's2', 's3', 'o1'];
const patchArbitrary: fc.Arbitrary<BucketPatch> = fc.oneof(
  fc.record({ kind: fc.constant('accounts' as const), id: fc.constantFrom(...ids), record: fc.option(fc.constantFrom('Acme Ltd', 'Globex', 'Initech GmbH').map((name) => ({ name }))) }),
  fc.record({ kind: fc.constant('account_domains' as const), id: fc.constantFrom(...ids), record: fc.option(fc.constantFrom('acme.example', 'eu.globex.co.uk', 'gmail.com').map((domain) => ({ account_id: ACCOUNT, domain }))) }),
  // A stakeholder without an address has no row: its patch only drops one.
  fc.record({ kind: fc.constant('stakeholders' as const), id: fc.constantFrom(...ids), record: fc.option(fc.constantFrom('dana@acme.example', null).map((email) => ({ account_id: ACCOUNT, name: 'Dana', email }))) }),
  fc.record({ kind: fc.constant('organization_domains' as const), id: fc.constantFrom(...ids), record: fc.option(fc.constant({ domain: 'vendor.example' })) }),
).map((patch) => ({ ...patch, record: patch.record && { ...patch.record, id: patch.id } }));

describe('patching a recognition bucket', () => {
  it('gives exactly what applying the patches one by one gives, order of rows included', () => {
    fc.assert(
      fc.property(fc.array(patchArbitrary, { maxLength: 12 }), fc.array(patchArbitrary, { maxLength: 30 }), (existing, patches) => {
        const start = emptyBucket();
        patchOneByOne(start, existing);
        const once = structuredClone(start);
        patchBucket(once, patches);
        const oneByOne = structuredClone(start);
        patchOneByOne(oneByOne, patches);
        expect(once).toEqual(oneByOne);
      }),
      { numRuns: 400 },
    );
  });
});
