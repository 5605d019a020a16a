import '../forms/testing/setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './DataTable';

interface Row {
  account_id: string;
  account_name: string;
  arr: number | null;
}

const rows: Row[] = [
  { account_id: 'a1', account_name: 'Beta, Inc.', arr: 200 },
  { account_id: 'a2', account_name: 'Alpha', arr: null },
  { account_id: 'a3', account_name: '=Gamma', arr: 50 },
];
const columns: Column<Row>[] = [
  { key: 'account_name', header: 'Account' },
  { key: 'arr', header: 'ARR', numeric: true },
];

function names() {
  return screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]!.textContent);
}

afterEach(() => vi.restoreAllMocks());

describe('DataTable', () => {
  it('sorts by a column, both ways, blanks last, and says so with aria-sort', async () => {
    const user = userEvent.setup();
    render(<DataTable testId="t" caption="Accounts" csvName="accounts" empty="None" rows={rows} columns={columns} />);
    const arr = screen.getByRole('columnheader', { name: 'ARR' });
    expect(arr).toHaveAttribute('aria-sort', 'none');
    expect(names()).toEqual(['Beta, Inc.', 'Alpha', '=Gamma']);
    await user.click(within(arr).getByRole('button'));
    expect(arr).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['=Gamma', 'Beta, Inc.', 'Alpha']);
    await user.click(within(arr).getByRole('button'));
    expect(arr).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Beta, Inc.', '=Gamma', 'Alpha']);
    expect(screen.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'none');
  });

  it('opens the account of a row from its first cell, by keyboard too', async () => {
    const user = userEvent.setup();
    const open = vi.fn();
    render(<DataTable testId="t" caption="Accounts" csvName="accounts" empty="None" rows={rows} columns={columns} accountKey="account_id" onOpenAccount={open} />);
    screen.getByRole('button', { name: 'Alpha' }).focus();
    await user.keyboard('{Enter}');
    expect(open).toHaveBeenCalledWith('a2');
  });

  it('downloads the rows as CSV in the order shown, formulas neutralised', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    render(<DataTable testId="t" caption="Accounts" csvName="accounts" empty="None" rows={rows} columns={columns} />);
    await user.click(within(screen.getByRole('columnheader', { name: 'Account' })).getByRole('button'));
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(blobs).toHaveLength(1);
    expect(await blobs[0]!.text()).toBe('Account,ARR\r\n\'=Gamma,50\r\nAlpha,\r\n"Beta, Inc.",200\r\n');
  });

  it('says when there is nothing to show, and still offers the CSV', () => {
    render(<DataTable testId="t" caption="Accounts" csvName="accounts" empty="Nobody is stalled." rows={[]} columns={columns} />);
    expect(screen.getByText('Nobody is stalled.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });
});
