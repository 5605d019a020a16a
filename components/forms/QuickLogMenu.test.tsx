import './testing/setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QuickLogMenu } from './QuickLogMenu';

describe('QuickLogMenu', () => {
  it('offers opportunity records only when an opportunity is in view, and opens one by keyboard', async () => {
    const onChoose = vi.fn();
    const { rerender } = render(<QuickLogMenu hasAccount hasOpportunity={false} onChoose={onChoose} />);
    expect(screen.queryByRole('button', { name: 'Intent signal' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Stakeholder' })).toBeInTheDocument();
    rerender(<QuickLogMenu hasAccount hasOpportunity onChoose={onChoose} />);
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Intent signal' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledWith('intent_signal');
  });

  it('offers only a new account when the page is about no known account', () => {
    render(<QuickLogMenu hasAccount={false} hasOpportunity={false} onChoose={vi.fn()} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['New account']);
  });
});
