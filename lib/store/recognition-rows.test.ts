import { describe, expect, it } from 'vitest';
import { addTo, emptyBucket, parseBucket } from './recognition-rows';

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
