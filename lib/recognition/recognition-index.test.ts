import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexRows } from '@/tests/support/recognition-fixtures';
import { addId, type AccountIds } from './account-ids';
import { addressKey } from './domains';
import { buildRecognitionIndex } from './recognition-index';
import { withRecognitionKeys } from './row-keys';

const EMPTY = { accounts: [], accountDomains: [], stakeholders: [], ownDomains: [] };

describe('the stakeholder address index', () => {
  it('keeps every account an address is stored under, once each, in row order', () => {
    const index = indexRows({
      ...EMPTY,
      stakeholders: [
        { id: 's1', account_id: 'acc-b', email: 'ann@acme.example' },
        { id: 's2', account_id: 'acc-a', email: 'Ann@ACME.example' },
        { id: 's3', account_id: 'acc-b', email: 'ann@acme.example' },
        { id: 's4', account_id: 'acc-c', email: 'bo@acme.example' },
      ],
    });
    expect(index.byAddress.get('ann@acme.example')).toEqual(['acc-b', 'acc-a']);
    expect(index.byAddress.get('bo@acme.example')).toBe('acc-c');
  });

  it('equals the index built one row at a time, whatever addresses repeat', () => {
    const row = fc.record({
      id: fc.string(),
      account_id: fc.constantFrom('acc-1', 'acc-2', 'acc-3', ''),
      email: fc.constantFrom('ann@acme.example', 'ANN@acme.example', 'bo@acme.example', 'cy@globex.example', 'not an address', 'dee@eu.acme.example'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (stakeholders) => {
        const plain = new Map<string, AccountIds>();
        for (const s of stakeholders) {
          const key = addressKey(s.email);
          if (key && s.account_id) addId(plain, key, s.account_id);
        }
        const built = indexRows({ ...EMPTY, stakeholders }).byAddress;
        expect(Object.fromEntries(built)).toEqual(Object.fromEntries(plain));
      }),
    );
  });
});

describe('the account index', () => {
  it('keeps the first row of a repeated account id, with only its names', () => {
    const index = indexRows({
      ...EMPTY,
      accounts: [
        { id: 'acc-0', name: 'Globex', aliases: [] },
        { id: 'acc-1', name: 'Acme Logistics', aliases: ['Acme'] },
        { id: 'acc-2', name: 'Initech', aliases: [] },
        { id: 'acc-1', name: 'Umbrella Health', aliases: [] },
      ],
    });
    expect(index.accounts.get('acc-1')?.name).toBe('Acme Logistics');
    expect([...index.accounts.keys()]).toEqual(['acc-0', 'acc-1', 'acc-2']);
    expect(index.names.byKey.get('acme logistics')).toBe('acc-1');
    expect(index.names.byKey.get('acme')).toBe('acc-1');
    expect(index.names.byKey.has('umbrella health')).toBe(false);
  });
});

describe('the domain index', () => {
  it('leaves out a domain that became one of the organization’s own after its keys were derived', () => {
    // Keys are derived once per row, own domains change on their own: the build decides.
    const input = withRecognitionKeys({ ...EMPTY, accountDomains: [{ account_id: 'acc-1', domain: 'eu.partner-labs.com' }, { account_id: 'acc-2', domain: 'initech.com' }] });
    const before = buildRecognitionIndex(input);
    expect(before.byDomain.get('eu.partner-labs.com')).toBe('acc-1');
    expect(before.byRegistrable.get('partner-labs.com')).toBe('acc-1');

    const after = buildRecognitionIndex({ ...input, ownDomains: ['Partner-Labs.com'] });
    expect(after.byDomain.has('eu.partner-labs.com')).toBe(false);
    expect(after.byRegistrable.has('partner-labs.com')).toBe(false);
    expect(after.byDomain.get('initech.com')).toBe('acc-2');
  });

  it('files a domain typed the way people type it under its host, and never a free-mail one', () => {
    const index = indexRows({
      ...EMPTY,
      accountDomains: [
        { account_id: 'acc-1', domain: 'https://www.Acme.co.uk/about' },
        { account_id: 'acc-2', domain: 'hotmail.fr' },
        { account_id: 'acc-3', domain: 'not a domain' },
      ],
    });
    expect([...index.byDomain]).toEqual([['acme.co.uk', 'acc-1']]);
    expect(index.byRegistrable.size).toBe(0);
  });
});
