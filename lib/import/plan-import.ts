import { readCsv } from './csv';
import { ACCOUNT_COLUMNS, ACCOUNT_REQUIRED, planAccounts } from './plan-accounts';
import { planStakeholders, STAKEHOLDER_COLUMNS, STAKEHOLDER_REQUIRED } from './plan-stakeholders';
import { planFingerprint, type ImportBasis, type ImportKind, type ImportPlan, type ImportReport } from './plan-types';

export type PlannedImport = { ok: true; plan: ImportPlan } | { ok: false; message: string };

/** The columns each kind of file may have, for the page's help text and the header check. */
export const IMPORT_COLUMNS: Record<ImportKind, { columns: readonly string[]; required: readonly string[] }> = {
  accounts: { columns: ACCOUNT_COLUMNS, required: ACCOUNT_REQUIRED },
  stakeholders: { columns: STAKEHOLDER_COLUMNS, required: STAKEHOLDER_REQUIRED },
};

/** Reads a file and plans it: a plan for every row, or the one reason the whole file is refused. */
export function planImport(kind: ImportKind, text: string, basis: ImportBasis, newId: () => string): PlannedImport {
  const { columns, required } = IMPORT_COLUMNS[kind];
  const csv = readCsv(text, columns, required);
  if (!csv.ok) return csv;
  if (csv.rows.length === 0) return { ok: false, message: 'The file has a header but no rows to import.' };
  const plan = kind === 'accounts' ? planAccounts(csv.rows, basis, newId) : planStakeholders(csv.rows, basis, newId);
  return { ok: true, plan };
}

/** SHA-256 of the plan's fingerprint, hex: what the page sends back to confirm exactly this plan. */
export async function planDigest(report: Omit<ImportReport, 'digest'>): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(planFingerprint(report)));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
