import { describe, expect, it } from 'vitest';
import { indexRows, OWN_DOMAIN, participant, SELF, storeRows, thread } from '@/tests/support/recognition-fixtures';
import { recognise } from './recognise';

const index = indexRows(storeRows());
const ranked = (...args: Parameters<typeof thread>) => recognise(index, thread(...args)).candidates.map((c) => c.account_id);

describe('recognising the account of a thread', () => {
  it.each([
    ['a subdomain of an account domain', 'bob@eu.mail.acme.co.uk', 'acc-acme'],
    ['a .com.au account domain from a subdomain', 'jo@sydney.globex.com.au', 'acc-globex'],
    ['the account domain itself', 'pat@initech.com', 'acc-initech'],
    ['a stakeholder writing from a personal free-mail address', 'Ann.Personal@GMAIL.com', 'acc-initech'],
  ])('finds the account from %s', (_rule, email, accountId) => {
    expect(ranked([participant(email, 'from')])).toEqual([accountId]);
  });

  it('never recognises an account from a free-mail domain, even one wrongly typed into an account', () => {
    const rows = storeRows();
    rows.accountDomains.push({ account_id: 'acc-acme', domain: 'gmail.com' });
    const withFreeMail = indexRows(rows);
    const result = recognise(withFreeMail, thread([participant('stranger@gmail.com', 'from'), participant('x@hotmail.co.uk', 'to')]));
    expect(result).toEqual({ candidates: [], unknownDomains: [] });
  });

  it('never recognises an account from the organization’s own domains, subdomains included', () => {
    const rows = storeRows({ ownDomains: [OWN_DOMAIN, 'vendor-labs.co.uk'] });
    rows.accountDomains.push({ account_id: 'acc-acme', domain: 'eu.vendor-labs.co.uk' });
    const result = recognise(indexRows(rows), thread([participant('dev@eu.vendor-labs.co.uk', 'from'), participant(`boss@us.${OWN_DOMAIN}`, 'to')]));
    expect(result).toEqual({ candidates: [], unknownDomains: [] });
  });

  it('lets an exact stakeholder address beat the domain it is on', () => {
    // Bo is Globex's stakeholder but writes from a partner firm's domain, which
    // is registered to Initech here: the address decides for Bo.
    const rows = storeRows();
    rows.accountDomains.push({ account_id: 'acc-initech', domain: 'consulting-partner.com' });
    const result = recognise(indexRows(rows), thread([participant('bo@consulting-partner.com', 'from')]));
    expect(result.candidates.map((c) => c.account_id)).toEqual(['acc-globex']);
    expect(result.candidates[0]?.reasons).toEqual([{ kind: 'stakeholder_address', email: 'bo@consulting-partner.com' }]);
  });

  it('ranks a stakeholder in cc above an account matched only by domain, even from the sender', () => {
    expect(ranked([participant('pat@initech.com', 'from'), participant('jo@globex.com.au', 'to'), participant('bo@consulting-partner.com', 'cc')])).toEqual([
      'acc-globex',
      'acc-initech',
    ]);
    expect(ranked([participant('pat@initech.com', 'from'), participant('cy@acme.co.uk', 'cc')])[0]).toBe('acc-acme');
  });

  it('ranks a name in the title below any address signal', () => {
    const result = recognise(index, thread([participant('jo@globex.com.au', 'cc')], 'Acme Ltd and Umbrella: joint renewal plan'));
    expect(result.candidates.map((c) => c.account_id)).toEqual(['acc-globex', 'acc-acme', 'acc-umbrella']);
    expect(result.candidates[1]?.reasons).toEqual([{ kind: 'title_name', matched: 'acme ltd' }]);
  });

  it('recognises an internal-only thread about a customer from its subject', () => {
    const internal = thread([participant(`lee@${OWN_DOMAIN}`, 'from'), participant(`kim@${OWN_DOMAIN}`, 'to')], 'Prep for the Initech QBR');
    const result = recognise(index, internal);
    expect(result.candidates.map((c) => c.account_id)).toEqual(['acc-initech']);
    expect(result.unknownDomains).toEqual([]);
  });

  it('weighs the sender above cc when two accounts each have one participant', () => {
    expect(ranked([participant('a@initech.com', 'cc'), participant('b@umbrella-health.org', 'from')])).toEqual(['acc-umbrella', 'acc-initech']);
    expect(ranked([participant('a@initech.com', 'attendee'), participant('b@umbrella-health.org', 'organizer')])).toEqual(['acc-umbrella', 'acc-initech']);
  });

  it('weighs an external stakeholder above an internal one', () => {
    const rows = storeRows();
    rows.stakeholders.push({ id: 'st-own', account_id: 'acc-acme', email: `liaison@${OWN_DOMAIN}` });
    const result = recognise(indexRows(rows), thread([participant(`liaison@${OWN_DOMAIN}`, 'from'), participant('ann.personal@gmail.com', 'from')]));
    expect(result.candidates.map((c) => c.account_id)).toEqual(['acc-initech', 'acc-acme']);
  });

  it('adds up several participants of one account, with diminishing returns', () => {
    const one = recognise(index, thread([participant('a@initech.com', 'to')])).candidates[0]?.score ?? 0;
    const three = recognise(index, thread([participant('a@initech.com', 'to'), participant('b@initech.com', 'to'), participant('c@initech.com', 'to')])).candidates[0]?.score ?? 0;
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThan(2 * one);
    // Three recipients from Initech outrank one from Acme in the same role.
    expect(ranked([participant('a@initech.com', 'to'), participant('b@initech.com', 'to'), participant('u@acme.co.uk', 'to')])[0]).toBe('acc-initech');
  });

  it('breaks a tie by account name, whatever order the participants came in', () => {
    const forwards = ranked([participant('a@umbrella-health.org', 'to'), participant('b@initech.com', 'to')]);
    const backwards = ranked([participant('b@initech.com', 'to'), participant('a@umbrella-health.org', 'to')]);
    expect(forwards).toEqual(['acc-initech', 'acc-umbrella']);
    expect(backwards).toEqual(forwards);
  });

  it('breaks a tie between equally named accounts by id', () => {
    const rows = storeRows({
      accounts: [
        { id: 'acc-2', name: 'Twin', aliases: [] },
        { id: 'acc-1', name: 'Twin', aliases: [] },
      ],
      accountDomains: [
        { account_id: 'acc-2', domain: 'twin-b.com' },
        { account_id: 'acc-1', domain: 'twin-a.com' },
      ],
      stakeholders: [],
    });
    const result = recognise(indexRows(rows), thread([participant('x@twin-b.com'), participant('y@twin-a.com')]));
    expect(result.candidates.map((c) => c.account_id)).toEqual(['acc-1', 'acc-2']);
  });

  it('prefers the account that registered a subdomain over the one on the parent domain', () => {
    const rows = storeRows();
    rows.accounts.push({ id: 'acc-acme-eu', name: 'Acme Europe', aliases: [] });
    rows.accountDomains.push({ account_id: 'acc-acme-eu', domain: 'eu.acme.co.uk' });
    const withSubsidiary = indexRows(rows);
    expect(recognise(withSubsidiary, thread([participant('x@mail.eu.acme.co.uk', 'from')])).candidates.map((c) => c.account_id)).toEqual(['acc-acme-eu']);
    expect(recognise(withSubsidiary, thread([participant('x@uk.acme.co.uk', 'from')])).candidates.map((c) => c.account_id)).toEqual(['acc-acme']);
  });

  it('never counts the signed-in user, even when they are a stakeholder by mistake', () => {
    const rows = storeRows();
    rows.stakeholders.push({ id: 'st-me', account_id: 'acc-acme', email: SELF });
    expect(recognise(indexRows(rows), thread([participant(SELF.toUpperCase(), 'from')])).candidates).toEqual([]);
  });

  it('reports unknown external domains with the people behind them and a name to prefill', () => {
    const result = recognise(
      index,
      thread([
        participant('Dana@Acme-Robotics.co.uk', 'from', 'Dana'),
        participant('eli@eu.acme-robotics.co.uk', 'cc'),
        participant('fay@newco.io', 'to'),
        participant('ann.personal@gmail.com', 'to'),
        participant('ghost@gmail.com', 'to'),
        participant(`kim@${OWN_DOMAIN}`, 'to'),
      ]),
    );
    expect(result.unknownDomains).toEqual([
      {
        domain: 'acme-robotics.co.uk',
        suggestedName: 'Acme Robotics',
        participants: [
          { email: 'dana@acme-robotics.co.uk', name: 'Dana', role: 'from' },
          { email: 'eli@eu.acme-robotics.co.uk', role: 'cc' },
        ],
      },
      { domain: 'newco.io', suggestedName: 'Newco', participants: [{ email: 'fay@newco.io', role: 'to' }] },
    ]);
  });

  it('skips invalid addresses and still recognises the valid ones', () => {
    const result = recognise(index, thread([participant('not an address', 'from'), participant('@initech.com', 'from'), participant('bob@co.uk', 'to'), participant('pat@initech.com', 'cc')]));
    expect(result.candidates.map((c) => c.account_id)).toEqual(['acc-initech']);
    expect(result.unknownDomains).toEqual([]);
  });

  it('counts a person listed twice once, in their weightiest role', () => {
    const twice = recognise(index, thread([participant('pat@initech.com', 'cc'), participant('PAT@initech.com', 'from')])).candidates[0];
    const once = recognise(index, thread([participant('pat@initech.com', 'from')])).candidates[0];
    expect(twice?.score).toBe(once?.score);
  });

  it('returns at most maxCandidates, best first', () => {
    const context = thread([participant('a@initech.com', 'from'), participant('b@umbrella-health.org', 'to'), participant('c@acme.co.uk', 'cc')]);
    expect(recognise(index, context, { maxCandidates: 2 }).candidates.map((c) => c.account_id)).toEqual(['acc-initech', 'acc-umbrella']);
  });
});
