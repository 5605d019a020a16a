import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addId, type AccountIds } from './account-ids';
import { addressKey } from './domains';
import { buildRecognitionIndex } from './recognition-index';

const EMPTY = { accounts: [], accountDomains: [], ownDomains: [] };

describe('the stakeholder address index', () => {
  it('keeps every account an address is stored under, once each, in row order', () => {
    const index = buildRecognitionIndex({
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
        const built = buildRecognitionIndex({ ...EMPTY, stakeholders }).byAddress;
        expect(Object.fromEntries(built)).toEqual(Object.fromEntries(plain));
      }),
    );
  });
});

describe('the account index', () => {
  it('keeps the first row of a repeated account id, with only its names', () => {
    const first = { id: 'acc-1', name: 'Acme Logistics', aliases: ['Acme'] };
    const index = buildRecognitionIndex({
      ...EMPTY,
      stakeholders: [],
      accounts: [{ id: 'acc-0', name: 'Globex', aliases: [] }, first, { id: 'acc-2', name: 'Initech', aliases: [] }, { id: 'acc-1', name: 'Umbrella Health', aliases: [] }],
    });
    expect(index.accounts.get('acc-1')).toBe(first);
    expect([...index.accounts.keys()]).toEqual(['acc-0', 'acc-1', 'acc-2']);
    expect(index.names.byKey.get('acme logistics')).toBe('acc-1');
    expect(index.names.byKey.get('acme')).toBe('acc-1');
    expect(index.names.byKey.has('umbrella health')).toBe(false);
  });
});
