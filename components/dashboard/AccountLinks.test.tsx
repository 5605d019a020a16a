import '../forms/testing/setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ACCOUNTS_SHOWN, AccountLinks } from './AccountLinks';

const accounts = (n: number) => ({
  ids: Array.from({ length: n }, (_, i) => `id-${i}`),
  names: Array.from({ length: n }, (_, i) => `Account ${i}`),
});

describe('AccountLinks', () => {
  it('names a long list by its first accounts, and every one once asked', async () => {
    const user = userEvent.setup();
    const open = vi.fn();
    render(<AccountLinks {...accounts(ACCOUNTS_SHOWN + 15)} onOpenAccount={open} />);
    expect(screen.getAllByRole('button', { name: /^Account / })).toHaveLength(ACCOUNTS_SHOWN);
    await user.click(screen.getByRole('button', { name: `Show all ${ACCOUNTS_SHOWN + 15} accounts` }));
    const links = screen.getAllByRole('button', { name: /^Account / });
    expect(links.map((b) => b.textContent)).toEqual(accounts(ACCOUNTS_SHOWN + 15).names);
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: `Account ${ACCOUNTS_SHOWN + 3}` }));
    expect(open).toHaveBeenCalledWith(`id-${ACCOUNTS_SHOWN + 3}`);
  });

  it('shows a short list whole, with nothing to expand', () => {
    render(<AccountLinks {...accounts(ACCOUNTS_SHOWN)} onOpenAccount={() => undefined} />);
    expect(screen.getAllByRole('button', { name: /^Account / })).toHaveLength(ACCOUNTS_SHOWN);
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
  });
});
