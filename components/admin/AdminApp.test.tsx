import '../forms/testing/setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminOverview } from '@/lib/admin/admin-values';
import { askAdmin } from '@/lib/admin/ask-admin';
import { AdminApp } from './AdminApp';

vi.mock('@/lib/admin/ask-admin', () => ({ askAdmin: vi.fn() }));
const ask = vi.mocked(askAdmin);

const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const CSM_ID = '00000000-0000-4000-8000-000000000002';

function overview(role: 'admin' | 'csm'): AdminOverview {
  return {
    organization: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Brightpath', goal_current_days: 90, insight_shared_days: 90, stall_threshold_days: 30 },
    me: { user_id: role === 'admin' ? ADMIN_ID : CSM_ID, role },
    members: [
      { id: '00000000-0000-4000-8000-0000000000b1', user_id: ADMIN_ID, email: 'jordan@bp.example', display_name: 'Jordan', role: 'admin' },
      { id: '00000000-0000-4000-8000-0000000000b2', user_id: CSM_ID, email: 'marcus@bp.example', display_name: 'Marcus', role: 'csm' },
    ],
    invitations: [],
    domains: ['bp.example'],
  };
}

function answerOverview(role: 'admin' | 'csm') {
  ask.mockImplementation(async (message) => {
    if (message.type === 'admin.overview') return { ok: true, value: overview(role) } as never;
    throw new Error(`unexpected ${message.type}`);
  });
}

beforeEach(() => {
  ask.mockReset();
});

describe('AdminApp', () => {
  it('shows a CSM the organization read-only, with a note and no way to change anything', async () => {
    answerOverview('csm');
    render(<AdminApp />);
    expect(await screen.findByTestId('read-only-note')).toHaveTextContent('read-only for you');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Organization admin · Brightpath');
    expect(within(screen.getByTestId('members')).getByText('marcus@bp.example')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByTestId('import')).toBeNull();
    expect(screen.getByText('No open invitations.')).toBeInTheDocument();
  });

  it('checks settings before sending: an inline error, the typed value kept, nothing sent', async () => {
    answerOverview('admin');
    render(<AdminApp />);
    const field = await screen.findByLabelText('An opportunity is stalled after (days)');
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, '0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(field).toHaveValue('0');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('At least 1 day'));
    expect(ask.mock.calls.filter(([m]) => m.type === 'admin.update-settings')).toEqual([]);
  });

  it('shows the database’s refusal to drop the last admin as a sentence beside the member', async () => {
    answerOverview('admin');
    const base = ask.getMockImplementation()!;
    ask.mockImplementation(async (message) => {
      if (message.type === 'admin.set-role') {
        return { ok: false, error: { code: 'refused', message: 'An organization must keep at least one admin.', field: 'role', server_code: 'SCCNF' } } as never;
      }
      return base(message);
    });
    render(<AdminApp />);
    const row = await screen.findByTestId('member-jordan@bp.example');
    const user = userEvent.setup();
    await user.selectOptions(within(row).getByLabelText('New role for Jordan'), 'csm');
    await user.click(within(row).getByRole('button', { name: 'Change role of Jordan' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('An organization must keep at least one admin.');
  });

  it('says what to do when nobody is signed in', async () => {
    ask.mockResolvedValue({ ok: false, error: { code: 'not-signed-in', message: 'Sign in to the workspace first, on Sidecar’s options page.', field: null, server_code: null } } as never);
    render(<AdminApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign in to the workspace first');
    expect(screen.getByRole('link', { name: 'Open Sidecar settings' })).toHaveAttribute('href', '/options.html');
  });
});
