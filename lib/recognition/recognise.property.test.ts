import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexRows } from '@/tests/support/recognition-fixtures';
import type { RecognitionContext, RecognitionParticipant, RecognitionRows } from './input';
import { recognise } from './recognise';

/**
 * Properties over small random worlds: a few accounts sharing a small
 * vocabulary (so names, domains and addresses collide often), and threads
 * mixing their domains with free-mail, own and unknown ones.
 */

const WORDS = ['acme', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'hooli', 'vandelay'];
const SUFFIXES = ['com', 'co.uk', 'com.au', 'io', 'de'];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.fr', 'icloud.com', 'proton.me', 'gmx.de'];
const OWN = ['vendor.example.com', 'vendor-labs.co.uk'];
const ROLES = ['from', 'to', 'cc', 'organizer', 'attendee'] as const;

const domainArb = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SUFFIXES)).map(([word, suffix]) => `${word}.${suffix}`);
const localArb = fc.constantFrom('ann', 'bo', 'cy', 'dee', 'eli', 'fay');
const subdomainArb = fc.option(fc.constantFrom('eu', 'mail', 'eu.mail', 'us'), { nil: undefined });

const worldArb: fc.Arbitrary<RecognitionRows> = fc
  .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.record({
      accounts: fc.constant(names.map((name, i) => ({ id: `acc-${i}`, name: `${name} Ltd`, aliases: [name.toUpperCase()] }))),
      accountDomains: fc.array(fc.record({ account_id: fc.integer({ min: 0, max: names.length - 1 }).map((i) => `acc-${i}`), domain: domainArb }), { maxLength: 8 }),
      stakeholders: fc.array(
        fc.record({
          id: fc.uuid(),
          account_id: fc.integer({ min: 0, max: names.length - 1 }).map((i) => `acc-${i}`),
          email: fc.tuple(localArb, fc.oneof(domainArb, fc.constantFrom(...FREE_MAIL))).map(([local, domain]) => `${local}@${domain}`),
        }),
        { maxLength: 8 },
      ),
      ownDomains: fc.constant(OWN),
    }),
  );

const participantArb = (domains: fc.Arbitrary<string>): fc.Arbitrary<RecognitionParticipant> =>
  fc.record({
    email: fc.tuple(localArb, subdomainArb, domains).map(([local, sub, domain]) => `${local}@${sub ? `${sub}.` : ''}${domain}`),
    role: fc.constantFrom(...ROLES),
    name: fc.option(fc.constantFrom('Ann', 'Bo', 'Cy'), { nil: undefined }),
  }).map(({ name, ...rest }) => (name === undefined ? rest : { ...rest, name }));

const anyDomainArb = fc.oneof(domainArb, fc.constantFrom(...FREE_MAIL), fc.constantFrom(...OWN));

const contextArb: fc.Arbitrary<RecognitionContext> = fc.record({
  title: fc.option(fc.array(fc.constantFrom(...WORDS, 'renewal', 'QBR', 'Re:', 'ltd', '—'), { maxLength: 6 }).map((words) => words.join(' ')), { nil: undefined }),
  self: fc.constant('me@vendor.example.com'),
  // Hosts list one person twice (to and cc, or with another display name): some are repeated.
  participants: fc
    .array(participantArb(anyDomainArb), { maxLength: 8 })
    .chain((people) => fc.subarray(people, { maxLength: Math.min(3, people.length) }).map((again) => [...people, ...again.map((p) => ({ ...p, name: 'Listed Twice' }))])),
});

const ALL = { maxCandidates: 1_000 };
const rankOf = (accountId: string, result: ReturnType<typeof recognise>) => {
  const position = result.candidates.findIndex((c) => c.account_id === accountId);
  return position === -1 ? Number.POSITIVE_INFINITY : position;
};

describe('recognition properties', () => {
  it('ranks the same way whatever order the participants are listed in', () => {
    fc.assert(
      fc.property(worldArb, contextArb, fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), (world, context, swaps) => {
        const index = indexRows(world);
        const shuffled = [...context.participants];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = (swaps[i] ?? 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as RecognitionParticipant, shuffled[i] as RecognitionParticipant];
        }
        const expected = recognise(index, context, ALL);
        expect(recognise(index, { ...context, participants: shuffled }, ALL)).toEqual(expected);
        expect(recognise(index, { ...context, participants: [...context.participants].reverse() }, ALL)).toEqual(expected);
      }),
    );
  });

  it('never lowers an account’s rank when a participant’s address becomes its stakeholder', () => {
    fc.assert(
      fc.property(worldArb, contextArb, fc.nat(), fc.nat(), (world, context, pickAccount, pickParticipant) => {
        fc.pre(context.participants.length > 0);
        const account = world.accounts[pickAccount % world.accounts.length];
        const person = context.participants[pickParticipant % context.participants.length];
        if (!account || !person || person.email === context.self) return;
        const before = recognise(indexRows(world), context, ALL);
        const withStakeholder = { ...world, stakeholders: [...world.stakeholders, { id: 'new', account_id: account.id, email: person.email }] };
        const after = recognise(indexRows(withStakeholder), context, ALL);
        expect(rankOf(account.id, after)).toBeLessThanOrEqual(rankOf(account.id, before));
        expect(rankOf(account.id, after)).not.toBe(Number.POSITIVE_INFINITY);
      }),
    );
  });

  it('never makes a domain candidate or an unknown domain from free-mail or own-domain participants', () => {
    const freeOrOwn = fc.record({
      title: fc.constant(undefined),
      self: fc.constant('me@vendor.example.com'),
      participants: fc.array(participantArb(fc.constantFrom(...FREE_MAIL, ...OWN)), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(worldArb, freeOrOwn, (world, context) => {
        // Even when those domains were typed into accounts by mistake.
        const polluted = { ...world, accountDomains: [...world.accountDomains, ...[...FREE_MAIL, ...OWN].map((domain) => ({ account_id: 'acc-0', domain }))] };
        const result = recognise(indexRows(polluted), context, ALL);
        expect(result.unknownDomains).toEqual([]);
        for (const candidate of result.candidates) expect(candidate.reasons.map((r) => r.kind)).not.toContain('domain');
      }),
    );
  });

  it('never throws on arbitrary strings, in the store rows or the host context', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('@', 'a@', '@b', 'a@b@c.com', 'x@xn--', 'x@.com.', 'x@[::1]', 'x@ﬁ.com'));
    const rows = fc.record({
      accounts: fc.array(fc.record({ id: text, name: text, aliases: fc.array(text, { maxLength: 3 }) }), { maxLength: 5 }),
      accountDomains: fc.array(fc.record({ account_id: text, domain: text }), { maxLength: 5 }),
      stakeholders: fc.array(fc.record({ id: text, account_id: text, email: text }), { maxLength: 5 }),
      ownDomains: fc.array(text, { maxLength: 3 }),
    });
    const hostContext = fc.record({
      title: fc.option(text, { nil: undefined }),
      self: fc.option(text, { nil: undefined }),
      participants: fc.array(fc.record({ email: text, name: fc.option(text, { nil: undefined }), role: fc.constantFrom(...ROLES, 'bcc' as never) }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(rows, hostContext, (input, context) => {
        const result = recognise(indexRows(input), context as RecognitionContext);
        expect(Array.isArray(result.candidates)).toBe(true);
      }),
    );
  });
});
