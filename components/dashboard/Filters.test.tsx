import '../forms/testing/setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardFiltersInput } from '@/lib/dashboard';
import { account, dashboardInput, opportunity } from '@/lib/dashboard/testing/dashboard-factory';
import { Filters } from './Filters';

const members = [
  { user_id: '11111111-1111-4111-8111-111111111111', label: 'Marcus Webb' },
  { user_id: '22222222-2222-4222-8222-222222222222', label: 'Elena Sorensen' },
];

/** The filters driving a count, as the dashboard wires them. */
function Harness() {
  const [filters, setFilters] = useState<DashboardFiltersInput>({});
  const a = { ...account(1), owner_id: members[0]!.user_id };
  const b = { ...account(2), owner_id: members[1]!.user_id };
  const input = dashboardInput({
    accounts: [a, b],
    opportunities: [opportunity(a), opportunity(a, { opportunity: { type: 'expansion' } }), opportunity(b)],
  });
  return (
    <>
      <Filters value={filters} members={members} onChange={setFilters} />
      <output data-testid="open">{computeDashboard(input, filters).open_opportunities}</output>
    </>
  );
}

describe('Filters', () => {
  it('narrows by CSM and type, and clears', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const open = screen.getByTestId('open');
    expect(open).toHaveTextContent('3');
    await user.selectOptions(screen.getByLabelText('CSM'), 'Marcus Webb');
    expect(open).toHaveTextContent('2');
    await user.selectOptions(screen.getByLabelText('Opportunity type'), 'expansion');
    expect(open).toHaveTextContent('1');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(open).toHaveTextContent('3');
    expect(screen.getByLabelText('CSM')).toHaveValue('');
  });

  it('narrows to accounts renewing within a window', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const from = screen.getByLabelText('Renewal from');
    await user.type(from, '2099-01-01');
    expect(screen.getByTestId('open')).toHaveTextContent('0');
  });
});
