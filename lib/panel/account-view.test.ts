import { describe, expect, it } from 'vitest';
import { stageTrack, stageTrackSummary, formatArr } from './account-view';
import { searchAccounts } from './account-search';
import { participantRows, stakeholderPrefill } from './participant-rows';

describe('the stage track', () => {
  it('marks the declared and the evidence stage apart, and the stages the evidence passed', () => {
    const track = stageTrack('intent', 'align');
    expect(track.map((s) => s.label)).toEqual(['Identify', 'Align', 'Advocate', 'Intent', 'Net Revenue Close']);
    expect(track.filter((s) => s.declared).map((s) => s.stage)).toEqual(['intent']);
    expect(track.filter((s) => s.evidence).map((s) => s.stage)).toEqual(['align']);
    expect(track.filter((s) => s.passed).map((s) => s.stage)).toEqual(['identify']);
    expect(stageTrackSummary('intent', 'align')).toBe('Declared Intent; evidence at Align.');
    expect(stageTrackSummary('align', 'align')).toBe('Declared and evidenced at Align.');
  });

  it('a complete opportunity has passed every stage', () => {
    expect(stageTrack('net_revenue_close', 'complete').every((s) => s.passed)).toBe(true);
  });

  it('writes ARR compactly for a narrow panel', () => {
    expect(formatArr(240000)).toBe('$240K');
    expect(formatArr(null)).toBe('Not set');
  });
});

describe('the manual search', () => {
  const source = {
    accounts: [
      { id: 'a', name: 'Northwind Traders', aliases: [] },
      { id: 'b', name: 'Acme North', aliases: [] },
      { id: 'c', name: 'Globex', aliases: ['GLX'] },
    ],
    accountDomains: [{ account_id: 'c', domain: 'globex-north.example' }],
  };

  it('finds by name, alias and domain, names that start with the query first', () => {
    expect(searchAccounts(source, 'north').map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(searchAccounts(source, 'glx').map((m) => m.id)).toEqual(['c']);
    expect(searchAccounts(source, '  ')).toEqual([]);
    expect(searchAccounts(source, 'globex')[0]).toEqual({ id: 'c', name: 'Globex', domains: ['globex-north.example'] });
  });
});

describe('participants mapped to stakeholders', () => {
  const stakeholder = { email: 'maya@acme.example', position: 'sponsor' } as never;
  it('pairs each person with the stakeholder of the same address, whatever its case', () => {
    const rows = participantRows(
      [
        { email: 'Maya@Acme.example', roles: ['from'] },
        { email: 'lee@acme.example', roles: ['cc'] },
      ],
      [stakeholder],
    );
    expect(rows.map((r) => r.stakeholder)).toEqual([stakeholder, null]);
  });

  it('prefills "add as stakeholder" with the shown name, else the address', () => {
    expect(stakeholderPrefill({ email: 'lee@acme.example', name: ' Lee Chan ', roles: ['to'] }, 'acc')).toEqual({ name: 'Lee Chan', email: 'lee@acme.example', account_id: 'acc' });
    expect(stakeholderPrefill({ email: 'lee@acme.example', roles: ['to'] }, 'acc').name).toBe('lee');
  });
});
