import { describe, expect, it } from 'vitest';
import { workspaceAnswer } from './workspace-answer';

const ORG = '00000000-0000-4000-8000-000000000001';
const ME = '00000000-0000-4000-8000-000000000002';
const TEAMMATE = '00000000-0000-4000-8000-000000000003';
const reader = { id: ME, email: 'me@example.com' };
const organization = JSON.stringify([{ id: ORG, name: 'Acme CS', stall_threshold_days: 30 }]);
const members = [
  { user_id: ME, email: 'me@example.com', display_name: 'Me', role: 'admin' },
  { user_id: TEAMMATE, email: 'ana@example.com', display_name: '  ', role: 'csm' },
];
const answerOf = (pages: Record<string, string[]>) => workspaceAnswer(pages, ORG, reader, '2026-11-22T10:00:00.000Z', 'handoff-1');

describe('workspaceAnswer', () => {
  it('names the organization, the reader\'s role and every member, across pages', () => {
    const result = answerOf({ organization: [organization], members: [JSON.stringify(members.slice(0, 1)), JSON.stringify(members.slice(1))] });
    expect(result).toEqual({
      ok: true,
      answer: {
        source: 'workspace',
        organization: { id: ORG, name: 'Acme CS' },
        user: { email: 'me@example.com', role: 'admin' },
        members: [{ user_id: ME, label: 'Me' }, { user_id: TEAMMATE, label: 'ana@example.com' }],
        fetched_at: '2026-11-22T10:00:00.000Z',
        handoff_id: 'handoff-1',
      },
    });
  });

  it('says the reader may no longer be a member when the organization is not among the rows', () => {
    expect(answerOf({ organization: ['[]'], members: ['[]'] })).toEqual({ ok: false, message: 'The organization could not be read: you may no longer be a member.' });
  });

  it('refuses a members page that does not fit instead of showing no one', () => {
    const result = answerOf({ organization: [organization], members: [JSON.stringify([{ ...members[0], role: 'owner' }])] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^The organization's members could not be read: .*role/s);
  });

  it('refuses a page that is not JSON or not a list, naming which table', () => {
    expect(answerOf({ organization: [organization], members: ['{"oops"'] })).toMatchObject({ ok: false, message: expect.stringMatching(/^The organization's members could not be read: a page is not JSON/) });
    expect(answerOf({ organization: ['{"name":"Acme"}'], members: ['[]'] })).toEqual({ ok: false, message: 'The organization could not be read: a page is not a list of rows' });
    expect(answerOf({ organization: [JSON.stringify([{ name: 7 }])], members: ['[]'] })).toMatchObject({ ok: false, message: expect.stringMatching(/^The organization could not be read: .*name/s) });
  });
});
