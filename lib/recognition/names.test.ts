import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNamesInTitle, nameKeys, nameWords, type NameMatcher } from './names';

function matcher(names: Record<string, string[]>): NameMatcher {
  const byKey = new Map<string, string[]>();
  let maxWords = 0;
  for (const [accountId, sources] of Object.entries(names)) {
    for (const source of sources) {
      for (const key of nameKeys(source)) {
        byKey.set(key, [...(byKey.get(key) ?? []), accountId]);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
    }
  }
  return { byKey, maxWords };
}

const ids = (m: NameMatcher, title: string) => findNamesInTitle(m, title).map((hit) => hit.account_id);

describe('account names in a title', () => {
  const m = matcher({
    acme: ['Acme Ltd'],
    zurich: ['Zürich Versicherung AG'],
    nova: ['Nova'],
    ab: ['AB'],
    team: ['Team'],
    ms: ['Müller & Söhne GmbH'],
  });

  it.each([
    ['the name without its legal form', 'Acme renewal next week', ['acme']],
    ['the full legal name', 'Contract: ACME LTD.', ['acme']],
    ['case, accents and punctuation ignored', 'RE: zurich-versicherung — QBR', ['zurich']],
    ['punctuation inside the name', 'Mueller? no: Müller & Söhne kickoff', ['ms']],
    ['a name at the very end', 'Kickoff with nova', ['nova']],
  ])('finds %s', (_rule, title, expected) => {
    expect(ids(m, title)).toEqual(expected);
  });

  it.each([
    ['inside a longer word', 'Acmeville summer party'],
    ['as a prefix of a word', 'Novartis update'],
    ['a two-letter name', 'AB testing results'],
    ['a generic word used as a name', 'Team offsite'],
    ['an empty title', ''],
  ])('does not match %s', (_rule, title) => {
    expect(ids(m, title)).toEqual([]);
  });

  it('reports each account once, with its longest match, in title order', () => {
    expect(findNamesInTitle(m, 'Contract: ACME LTD.')).toEqual([{ account_id: 'acme', matched: 'acme ltd' }]);
    expect(findNamesInTitle(m, 'Nova and Acme, then Nova again')).toEqual([
      { account_id: 'nova', matched: 'nova' },
      { account_id: 'acme', matched: 'acme' },
    ]);
  });
});

describe('name keys', () => {
  it('fold plain ASCII names the same way as any other text', () => {
    // The general folding, written out: accents off, lower case, every run of non-word characters one space.
    const general = (text: string) =>
      text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    // Plain words with single spaces (the fast path) and their near misses.
    const name = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,8}( [A-Za-z0-9]{1,8}){0,3}$/), fc.stringMatching(/^[A-Za-z0-9 .,&'é-]{0,30}$/));
    fc.assert(
      fc.property(name, (text) => {
        expect(nameWords(text).join(' ')).toBe(general(text));
      }),
    );
    expect(nameKeys('Acme Logistics Ltd')).toEqual(['acme logistics ltd', 'acme logistics']);
    expect(nameKeys('ACME  Logistics, Ltd.')).toEqual(['acme logistics ltd', 'acme logistics']);
    expect(nameKeys('Zürich Versicherung AG')).toEqual(['zurich versicherung ag', 'zurich versicherung']);
  });
});
