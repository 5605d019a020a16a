import { describe, expect, it } from 'vitest';
import { fromServer } from '../background/admin-errors';
import { fieldErrors, InviteValues, readOwnDomains, SettingsForm } from './admin-forms';

describe('admin forms', () => {
  it('reads own domains as typed, with the customer-domain rules, sorted and de-duplicated', () => {
    expect(readOwnDomains('@Vendor.example\nwww.vendor.example, mail.vendor.example')).toEqual({ ok: true, domains: ['mail.vendor.example', 'vendor.example'] });
    expect(readOwnDomains('vendor.example localhost')).toEqual({ ok: false, message: '"localhost" is not a domain name such as acme.com.' });
    expect(readOwnDomains(Array.from({ length: 51 }, (_, i) => `d${i}.example`))).toEqual({ ok: false, message: 'At most 50 domains; this list has 51.' });
  });

  it('checks settings as typed: whole days from 1 to 3650, each field with its own message', () => {
    const result = SettingsForm.safeParse({ goal_current_days: '0', insight_shared_days: '2.5', stall_threshold_days: '3651' });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({
      goal_current_days: 'At least 1 day',
      insight_shared_days: 'Enter whole days, such as 30',
      stall_threshold_days: 'At most 3650 days (ten years)',
    });
    expect(SettingsForm.parse({ goal_current_days: ' 60 ', insight_shared_days: '90', stall_threshold_days: '30' })).toEqual({ goal_current_days: 60, insight_shared_days: 90, stall_threshold_days: 30 });
  });

  it('lower-cases an invited address and refuses one that is not an address', () => {
    expect(InviteValues.parse({ email: ' Rosa@Vendor.example ', role: 'manager' })).toEqual({ email: 'rosa@vendor.example', role: 'manager' });
    const bad = InviteValues.safeParse({ email: 'rosa', role: 'owner' });
    expect(bad.success ? {} : fieldErrors(bad.error)).toEqual({ email: 'Enter an email address, such as dana@example.com', role: 'Choose a role' });
  });
});

describe('server errors on the admin page', () => {
  it('keeps a refusal’s code, sentence and field, and words a bare permission error for a person', () => {
    expect(fromServer({ code: 'SCCNF', message: 'An organization must keep at least one admin.', details: '{"field": "role"}' })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'An organization must keep at least one admin.', field: 'role', server_code: 'SCCNF' },
    });
    expect(fromServer({ code: '42501', message: 'permission denied for function set_member_role' })).toMatchObject({
      error: { code: 'refused', message: 'The workspace refused this: your role does not allow it.', server_code: '42501' },
    });
    expect(fromServer({ code: '', message: 'TypeError: Failed to fetch' })).toMatchObject({ error: { code: 'unreachable', server_code: null } });
  });
});
