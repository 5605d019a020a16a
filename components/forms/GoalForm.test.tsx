import './testing/setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Goal } from '@/lib/schemas/alignment';
import { GoalForm } from './GoalForm';
import { ACCOUNT_ID, GMAIL_SOURCE, STAKEHOLDERS } from './testing/form-fixtures';
import { lastPut, mockedAskStore, storeAccepts, storeRefuses } from './testing/store-mock';

vi.mock('@/lib/messaging/ask-store', () => ({ askStore: vi.fn() }));

function renderGoal(prefill = {}) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  render(<GoalForm accountId={ACCOUNT_ID} source={GMAIL_SOURCE} stakeholders={STAKEHOLDERS} prefill={prefill} onSaved={onSaved} onCancel={onCancel} />);
  return { onSaved, onCancel, user: userEvent.setup() };
}

describe('GoalForm', () => {
  beforeEach(() => {
    mockedAskStore.mockReset();
  });

  it('opens with the focus on its heading, prefilled and linked to the thread', () => {
    renderGoal({ statement: 'Cut onboarding time in half', stakeholder_ids: [STAKEHOLDERS[1]!.id] });
    expect(screen.getByRole('heading', { name: 'Log a goal' })).toHaveFocus();
    expect(screen.getByLabelText(/customer's goal/)).toHaveValue('Cut onboarding time in half');
    expect(screen.getByLabelText(/Bo Chen/)).toBeChecked();
    expect(screen.getByRole('link', { name: /thread in Gmail/ })).toHaveAttribute('href', GMAIL_SOURCE.url);
  });

  it('shows the error beside an empty goal, focuses it, and sends nothing', async () => {
    const { user } = renderGoal();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const field = screen.getByLabelText(/customer's goal/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/required/);
    expect(field).toHaveFocus();
    expect(mockedAskStore).not.toHaveBeenCalled();
  });

  it('saves a record the schema accepts, with its source, by keyboard alone', async () => {
    storeAccepts();
    const { user, onSaved } = renderGoal();
    await user.tab(); // the link back to the thread
    await user.tab();
    expect(screen.getByLabelText(/customer's goal/)).toHaveFocus();
    await user.keyboard('Grow seats to 500');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const { kind, record } = lastPut();
    expect(kind).toBe('goals');
    expect(record).toMatchObject({ account_id: ACCOUNT_ID, statement: 'Grow seats to 500', source_host: 'gmail', source_ref: GMAIL_SOURCE.ref, source_url: GMAIL_SOURCE.url });
    expect(Goal.safeParse(onSaved.mock.calls[0]![0]).success).toBe(true);
  });

  it('keeps what was typed when the store refuses, and shows its message', async () => {
    storeRefuses({ code: 'invalid', message: 'This goals record does not fit its schema.', issues: [{ path: 'statement', message: 'Too long for the server' }] });
    const { user, onSaved } = renderGoal();
    await user.type(screen.getByLabelText(/customer's goal/), 'Keep me');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('does not fit');
    expect(screen.getByLabelText(/customer's goal/)).toHaveValue('Keep me');
    expect(screen.getByLabelText(/customer's goal/)).toHaveAccessibleDescription(/Too long for the server/);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('cancels on Escape', async () => {
    const { user, onCancel } = renderGoal();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
