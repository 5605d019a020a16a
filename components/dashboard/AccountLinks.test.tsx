import '../forms/testing/setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ACCOUNTS_PER_MORE, ACCOUNTS_SHOWN, AccountLinks } from './AccountLinks';

const accounts = (n: number) => ({
  ids: Array.from({ length: n }, (_, i) => `id-${i}`),
  names: Array.from({ length: n }, (_, i) => `Account ${i}`),
});
const named = () => screen.getAllByRole('button', { name: /^Account / }).map((b) => b.textContent);

describe('AccountLinks', () => {
  it('names a long list by its first accounts, then more at each request, until every one is shown', async () => {
    const user = userEvent.setup();
    const open = vi.fn();
    const total = ACCOUNTS_SHOWN + ACCOUNTS_PER_MORE + 15;
    render(<AccountLinks {...accounts(total)} onOpenAccount={open} />);
    expect(named()).toEqual(accounts(ACCOUNTS_SHOWN).names);
    await user.click(screen.getByRole('button', { name: `Show ${ACCOUNTS_PER_MORE} more (${total - ACCOUNTS_SHOWN} not shown)` }));
    expect(named()).toEqual(accounts(ACCOUNTS_SHOWN + ACCOUNTS_PER_MORE).names);
    await user.click(screen.getByRole('button', { name: 'Show 15 more (15 not shown)' }));
    expect(named()).toEqual(accounts(total).names);
    expect(screen.queryByRole('button', { name: /^Show / })).toBeNull();
    await user.click(screen.getByRole('button', { name: `Account ${ACCOUNTS_SHOWN + 3}` }));
    expect(open).toHaveBeenCalledWith(`id-${ACCOUNTS_SHOWN + 3}`);
  });

  it('shows a short list whole, with nothing to expand', () => {
    render(<AccountLinks {...accounts(ACCOUNTS_SHOWN)} onOpenAccount={() => undefined} />);
    expect(named()).toHaveLength(ACCOUNTS_SHOWN);
    expect(screen.queryByRole('button', { name: /^Show / })).toBeNull();
  });
});
