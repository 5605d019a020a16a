import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecognitionContext, RecognitionRows } from './input';
import { buildRecognitionIndex, type RecognitionIndex } from './recognition-index';
import { recognise } from './recognise';
import { withRecognitionKeys } from './row-keys';
import { referenceRecognitionIndex } from './testing/reference-index';

/**
 * The index the background builds (keys derived once per row, then filed
 * into string tables) against the plain one (every key derived during the
 * build, plain Maps): same entries, and the same answer for every thread.
 * Worlds mix domains typed in every way people type them, subdomains,
 * free-mail and own domains, addresses repeated in other cases, repeated
 * account ids and names that fold to the same key.
 */

const WORDS = ['acme', 'globex', 'initech', 'hooli', 'stark'];
const SUFFIXES = ['com', 'co.uk', 'com.au', 'github.io', 'onmicrosoft.com'];
const FREE_MAIL = ['gmail.com', 'hotmail.fr', 'yahoo.co.jp'];
const OWN = ['vendor.example.com', 'acme.com'];

const registrableArb = fc.oneof(
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SUFFIXES)).map(([word, suffix]) => `${word}.${suffix}`),
  fc.constantFrom(...FREE_MAIL, ...OWN),
);
const hostArb = fc.tuple(fc.constantFrom('', 'eu.', 'mail.eu.', 'www.'), registrableArb).map(([sub, domain]) => `${sub}${domain}`);
/** As a person types a domain into an account: case, scheme, path, `@`, or not a domain at all. */
const typedDomainArb = fc.oneof(
  hostArb,
  hostArb.map((host) => host.toUpperCase()),
  hostArb.map((host) => `https://${host}/team`),
  hostArb.map((host) => `@${host}`),
  fc.constantFrom('localhost', 'co.uk', '10.0.0.1', 'not a domain', 'bücher.de'),
);
const accountIdArb = fc.integer({ min: 0, max: 5 }).map((i) => `acc-${i}`);
const addressArb = fc
  .tuple(fc.constantFrom('ann', 'Bo', 'cy.dee'), hostArb, fc.boolean())
  .map(([local, host, shout]) => (shout ? `${local}@${host}`.toUpperCase() : `${local}@${host}`));

const rowsArb: fc.Arbitrary<RecognitionRows> = fc.record({
  accounts: fc.array(
    fc.record({
      id: accountIdArb,
      name: fc.constantFrom('Acme Ltd', 'ACME', 'Globex Corporation', 'Initech', 'Zürich Re AG', 'Team', 'Hooli Inc.'),
      aliases: fc.array(fc.constantFrom('Acme UK', 'acme', 'Globex', 'HQ'), { maxLength: 2 }),
    }),
    { maxLength: 7 },
  ),
  accountDomains: fc.array(fc.record({ account_id: accountIdArb, domain: typedDomainArb }), { maxLength: 10 }),
  stakeholders: fc.array(fc.record({ id: fc.uuid(), account_id: accountIdArb, email: fc.oneof(addressArb, fc.constant('no address')) }), { maxLength: 10 }),
  ownDomains: fc.subarray(OWN),
});

const contextArb: fc.Arbitrary<RecognitionContext> = fc.record({
  title: fc.option(fc.array(fc.constantFrom(...WORDS, 'Zurich', 'Re', 'AG', 'ltd', 'renewal'), { maxLength: 5 }).map((words) => words.join(' ')), { nil: undefined }),
  self: fc.constant('me@vendor.example.com'),
  participants: fc.array(fc.record({ email: addressArb, role: fc.constantFrom('from', 'to', 'cc', 'organizer', 'attendee') }), { maxLength: 8 }),
});

const entries = (index: RecognitionIndex) => ({
  accounts: [...index.accounts].map(([id, account]) => [id, account.name]),
  byAddress: [...index.byAddress],
  byDomain: [...index.byDomain],
  byRegistrable: [...index.byRegistrable],
  names: [...index.names.byKey],
  maxWords: index.names.maxWords,
  ownDomains: [...index.ownDomains],
});

describe('the index built from keys derived in advance', () => {
  it('holds exactly the entries of the index built from the raw rows, in the same order', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(entries(buildRecognitionIndex(withRecognitionKeys(rows)))).toEqual(entries(referenceRecognitionIndex(rows)));
      }),
    );
  });

  it('recognises every thread exactly as the index built from the raw rows', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(contextArb, { minLength: 1, maxLength: 4 }), (rows, contexts) => {
        const built = buildRecognitionIndex(withRecognitionKeys(rows));
        const reference = referenceRecognitionIndex(rows);
        for (const context of contexts) expect(recognise(built, context, { maxCandidates: 100 })).toEqual(recognise(reference, context, { maxCandidates: 100 }));
      }),
    );
  });
});
