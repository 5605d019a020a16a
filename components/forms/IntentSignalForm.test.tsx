import './testing/setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IntentSignal } from '@/lib/schemas/decision';
import { IntentSignalForm } from './IntentSignalForm';
import { ACCOUNT_ID, GMAIL_SOURCE, OPPORTUNITY_ID, STAKEHOLDERS } from './testing/form-fixtures';
import { mockedAskStore, storeAccepts } from './testing/store-mock';

vi.mock('@/lib/messaging/ask-store', () => ({ askStore: vi.fn() }));

function openVerbalYes() {
  const onSaved = vi.fn();
  render(
    <IntentSignalForm
      accountId={ACCOUNT_ID}
      opportunityId={OPPORTUNITY_ID}
      source={GMAIL_SOURCE}
      stakeholders={STAKEHOLDERS}
      prefill={{ kind: 'verbal_commitment', occurred_on: '2026-11-21' }}
      onSaved={onSaved}
      onCancel={vi.fn()}
    />,
  );
  return { onSaved, user: userEvent.setup() };
}

describe('a verbal yes', () => {
  beforeEach(() => {
    mockedAskStore.mockReset();
    storeAccepts();
  });

  it('is not saved without a next step that has an owner', async () => {
    const { user } = openVerbalYes();
    await user.type(screen.getByLabelText('Step 1'), 'Send the order form');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const owner = screen.getByLabelText('Owner of step 1');
    expect(owner).toHaveAttribute('aria-invalid', 'true');
    expect(owner).toHaveAccessibleDescription('Who owns this step?');
    expect(owner).toHaveFocus();
    expect(mockedAskStore).not.toHaveBeenCalled();
  });

  it('asks for a step when none is given', async () => {
    const { user } = openVerbalYes();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('group', { name: /Next steps/ })).toHaveAccessibleDescription(/at least one next step/);
    expect(mockedAskStore).not.toHaveBeenCalled();
  });

  it('is saved with its steps and owners, and counts as having them', async () => {
    const { user, onSaved } = openVerbalYes();
    await user.type(screen.getByLabelText('Step 1'), 'Send the order form');
    await user.type(screen.getByLabelText('Owner of step 1'), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await user.type(screen.getByLabelText('Step 2'), 'Legal review of the MSA');
    await user.type(screen.getByLabelText('Owner of step 2'), 'Bo{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const saved = IntentSignal.parse(onSaved.mock.calls[0]![0]);
    expect(saved.has_next_steps_with_owners).toBe(true);
    expect(saved.next_steps).toBe('Send the order form (owner: Ana)\nLegal review of the MSA (owner: Bo)');
  });

  it('hides the next steps for other kinds and never sets the flag', async () => {
    const { user, onSaved } = openVerbalYes();
    await user.selectOptions(screen.getByLabelText('What happened'), 'timeline_confirmed');
    expect(screen.queryByLabelText('Step 1')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(IntentSignal.parse(onSaved.mock.calls[0]![0]).has_next_steps_with_owners).toBe(false);
  });
});
