import './testing/setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StakeholderForm } from './StakeholderForm';
import { ACCOUNT_ID, HOSTILE_STRINGS } from './testing/form-fixtures';
import { storeRefuses } from './testing/store-mock';

vi.mock('@/lib/messaging/ask-store', () => ({ askStore: vi.fn() }));

describe('hostile content', () => {
  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 30), s]))('shows %s as typed text, never as markup', async (_, hostile) => {
    // The store's own message and a stakeholder's name both come from data someone else typed.
    storeRefuses({ code: 'invalid', message: hostile, issues: [{ path: 'name', message: hostile }] });
    render(<StakeholderForm accountId={ACCOUNT_ID} stakeholders={[]} prefill={{ name: hostile.slice(0, 200), notes: hostile }} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(hostile);
    expect(alert.children).toHaveLength(0);
    expect(screen.getByLabelText(/^Notes/)).toHaveValue(hostile);
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription(hostile));
    expect(document.querySelector('script, img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
