import '../forms/testing/setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { askStore } from '@/lib/messaging/ask-store';
import { WorkspaceForm } from './WorkspaceForm';

vi.mock('@/lib/messaging/ask-store', () => ({ askStore: vi.fn() }));

describe('WorkspaceForm', () => {
  it('keeps what was typed when the stored settings arrive late (the background was still waking up)', async () => {
    let answerLoad: (answer: unknown) => void = () => undefined;
    vi.mocked(askStore).mockImplementationOnce(() => new Promise<never>((resolve) => (answerLoad = resolve as (answer: unknown) => void)));
    render(<WorkspaceForm onSaved={() => undefined} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Project URL'), 'https://team.supabase.co');
    await act(async () => answerLoad({ ok: true, value: { settings: null, source: 'none', permitted: false } }));
    expect(screen.getByLabelText('Project URL')).toHaveValue('https://team.supabase.co');
    expect(screen.getByLabelText('Publishable (anon) key')).toHaveValue('');
  });

  it('shows the stored settings when nothing was typed', async () => {
    vi.mocked(askStore).mockResolvedValueOnce({ ok: true, value: { settings: { url: 'https://stored.supabase.co', anon_key: 'anon' }, source: 'user', permitted: true } } as never);
    render(<WorkspaceForm onSaved={() => undefined} />);
    expect(await screen.findByDisplayValue('https://stored.supabase.co')).toBeVisible();
    expect(screen.getByLabelText('Publishable (anon) key')).toHaveValue('anon');
  });
});
