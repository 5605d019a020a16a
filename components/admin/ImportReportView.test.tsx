import '../forms/testing/setup';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@/lib/import/plan-types';
import { ImportReportView } from './ImportReportView';
import { describeResult } from './ImportSection';

const REPORT: ImportReport = {
  kind: 'accounts',
  digest: 'x',
  counts: { create: 1, update: 1, unchanged: 1, rejected: 1 },
  rows: [
    { row: 2, label: 'Acme', outcome: 'create', reasons: [], changes: [{ field: 'name', from: '', to: 'Acme' }, { field: 'domains', from: '', to: 'acme.com' }] },
    { row: 3, label: 'Globex', outcome: 'update', reasons: [], changes: [{ field: 'ARR', from: '1000', to: '2000' }] },
    { row: 4, label: 'Initech', outcome: 'unchanged', reasons: [], changes: [] },
    { row: 6, label: '<img src=x onerror=alert(1)>', outcome: 'rejected', reasons: ['Duplicate of row 2 (same domain acme.com)'], changes: [] },
  ],
};

describe('ImportReportView', () => {
  it('shows the counts and every row with its outcome and why', () => {
    render(<ImportReportView report={REPORT} />);
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 to create, 1 to update, 1 unchanged, 1 rejected.');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['2', 'Acme', 'Create', 'name: Acmedomains: acme.com'],
      ['3', 'Globex', 'Update', 'ARR: 1000 → 2000'],
      ['4', 'Initech', 'Unchanged', ''],
      ['6', '<img src=x onerror=alert(1)>', 'Rejected', 'Duplicate of row 2 (same domain acme.com)'],
    ]);
  });

  it('shows what a file says as text, never as markup', () => {
    const { container } = render(<ImportReportView report={REPORT} />);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('describeResult', () => {
  const result = { kind: 'accounts' as const, created: 2, updated: 1, uploaded: 6, waiting: 0, sync_error: null };
  it('says whether the writes reached the workspace, are on their way, or wait and why', () => {
    expect(describeResult(result)).toBe('Imported: 2 created, 1 updated. Everything has reached the workspace.');
    expect(describeResult({ ...result, uploaded: 0, waiting: 6 })).toBe('Imported: 2 created, 1 updated. 6 writes are still being sent to the workspace; the sync line below follows them.');
    expect(describeResult({ ...result, uploaded: 0, waiting: 1, sync_error: 'Failed to fetch' })).toBe(
      'Imported: 2 created, 1 updated. 1 write waits in this browser and will be sent by the sync (Failed to fetch).',
    );
  });
});
