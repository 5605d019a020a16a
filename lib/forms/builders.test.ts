import { describe, expect, it } from 'vitest';
import { buildAccount, parseDomains } from './account';
import { buildCloseRecord, CLOSE_RECORD_DEFAULTS } from './close-record';
import { suggestionsFrom } from './context-prefill';
import { amountOrNull, sourceColumns, sourceFromContext } from './form-values';
import { buildIntentSignal, INTENT_SIGNAL_DEFAULTS } from './intent-signal';
import { buildOpportunity, OPPORTUNITY_DEFAULTS } from './opportunity';
import { buildStakeholder, STAKEHOLDER_DEFAULTS } from './stakeholder';
import { FORM_ERROR, issuesToFieldErrors } from './validate';

const ctx = { id: '7d0c2f61-3b1a-4c55-9e0e-1f2a3b4c5d6e', accountId: '0b8f6f6e-2c1a-4f5e-9a51-6f1b2f3c4d5e' };
const OPP = '5e7d1c2b-8a9f-4e3d-b2c1-0a9b8c7d6e5f';

describe('form builders', () => {
  it('lower-cases a stakeholder address and leaves unjudged influence empty', () => {
    const built = buildStakeholder({ ...STAKEHOLDER_DEFAULTS, name: '  Ana  ', email: ' Ana@ACME.com ' }, ctx);
    expect(built).toMatchObject({ ok: true, draft: { name: 'Ana', email: 'ana@acme.com', influence: null, position: 'unknown' } });
  });

  it('names the field of each schema problem in plain words', () => {
    const built = buildStakeholder({ ...STAKEHOLDER_DEFAULTS, name: ' ', title: 'x'.repeat(201) }, ctx);
    expect(built).toEqual({ ok: false, errors: { name: 'This is required.', title: 'Keep this under 200 characters.' } });
  });

  it('sets the owners flag of a verbal yes only when every step has an owner', () => {
    const base = { ...INTENT_SIGNAL_DEFAULTS, opportunity_id: OPP, kind: 'verbal_commitment' as const, occurred_on: '2026-11-20' };
    const owned = buildIntentSignal({ ...base, next_steps: [{ step: 'Sign', owner: 'Ana' }, { step: '', owner: '' }] }, ctx);
    expect(owned).toMatchObject({ ok: true, draft: { has_next_steps_with_owners: true, next_steps: 'Sign (owner: Ana)' } });
    const unowned = buildIntentSignal({ ...base, next_steps: [{ step: 'Sign', owner: 'Ana' }, { step: 'Pay', owner: ' ' }] }, ctx);
    expect(unowned).toEqual({ ok: false, errors: { 'next_steps.1.owner': 'Who owns this step?' } });
  });

  it('reads amounts as people type them, and refuses words', () => {
    expect(amountOrNull('12,500.50')).toBe(12500.5);
    expect(amountOrNull('$ 9 000')).toBe(9000);
    expect(amountOrNull('')).toBeNull();
    const built = buildCloseRecord({ ...CLOSE_RECORD_DEFAULTS, opportunity_id: OPP, amount: 'lots' }, ctx);
    expect(built).toEqual({ ok: false, errors: { amount: 'Enter a number, such as 12500.' } });
  });

  it('splits close reasons one per line and opens a new opportunity at Identify', () => {
    const close = buildCloseRecord({ ...CLOSE_RECORD_DEFAULTS, opportunity_id: OPP, close_reasons: ' Faster \n\nCheaper ' }, ctx);
    expect(close).toMatchObject({ ok: true, draft: { close_reasons: ['Faster', 'Cheaper'] } });
    const opportunity = buildOpportunity({ ...OPPORTUNITY_DEFAULTS, title: 'Renewal' }, ctx);
    expect(opportunity).toMatchObject({ ok: true, draft: { status: 'open', declared_stage: 'identify', source: null } });
  });

  it('normalises typed domains and reports one that is not a domain', () => {
    expect(parseDomains('@Acme.com, www.acme.co.uk\nacme.com')).toEqual(['acme.com', 'acme.co.uk']);
    const built = buildAccount({ name: 'Acme', domains: 'acme.com, localhost' }, ctx, () => ctx.id);
    expect(built).toEqual({ ok: false, errors: { domains: 'localhost: must be a lower-case domain such as example.com' } });
  });

  it('keeps only https links as sources', () => {
    expect(sourceColumns({ host: 'gmail', ref: 't1', url: 'javascript:alert(1)' })).toEqual({ source_host: 'gmail', source_ref: 't1', source_url: null });
    expect(sourceFromContext({ host: 'outlook', view: 'none', participants: [] })).toBeUndefined();
  });

  it('sends store issues on unknown fields to the top of the form', () => {
    expect(issuesToFieldErrors([{ path: 'account_id', message: 'no accounts record' }, { path: 'roles.3', message: 'bad' }], { roles: 'roles' })).toEqual({
      [FORM_ERROR]: 'account_id: no accounts record',
      roles: 'bad',
    });
  });

  it('suggests the event day and the stakeholders on it', () => {
    const people = [{ id: 'a', email: 'ana@acme.com' }, { id: 'b', email: 'bo@acme.com' }, { id: 'c', email: null }];
    const context = { host: 'google-calendar' as const, view: 'event' as const, title: 'QBR', start: '2026-11-24T15:00:00', participants: [{ email: 'ANA@acme.com', role: 'attendee' as const }] };
    expect(suggestionsFrom(context, people)).toEqual({ day: '2026-11-24', stakeholder_ids: ['a'], title: 'QBR' });
  });
});
