import { z } from 'zod';
import type { Account, AccountDomain } from '../schemas/account';
import type { Member, OrganizationDomain } from '../schemas/organization';
import type { Stakeholder } from '../schemas/stakeholder';

/**
 * What an import plan is made of. A plan is computed twice from the same
 * file: once for the dry run the admin reads, once when they confirm, and
 * the second must match the first (`planDigest`) before anything is written.
 */

export const IMPORT_KINDS = ['accounts', 'stakeholders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const ROW_OUTCOMES = ['create', 'update', 'unchanged', 'rejected'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** One field an update would change, as a person reads it (`""` for nothing). */
export const FieldChange = z.strictObject({ field: z.string(), from: z.string(), to: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

/** The verdict on one row of the file: exactly one outcome, with its reasons or changes. */
export const PlannedRow = z.strictObject({
  /** The row number a spreadsheet shows (the header is row 1). */
  row: z.int().min(2),
  /** What the row is about: the account or stakeholder name as written, or the best the row offers. */
  label: z.string(),
  outcome: z.enum(ROW_OUTCOMES),
  /** Why a rejected row is rejected; empty otherwise. */
  reasons: z.array(z.string()),
  /** What a create sets or an update changes; empty otherwise. */
  changes: z.array(FieldChange),
});
export type PlannedRow = z.infer<typeof PlannedRow>;

/** The dry-run report the admin page shows. */
export const ImportReport = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  rows: z.array(PlannedRow),
  counts: z.strictObject({ create: z.int(), update: z.int(), unchanged: z.int(), rejected: z.int() }),
  /** The plan's fingerprint: confirming sends it back, and nothing is written if the plan changed meanwhile. */
  digest: z.string(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** What the import compares each row with: the organization's records as the store holds them. */
export interface ImportBasis {
  accounts: readonly Account[];
  account_domains: readonly Pick<AccountDomain, 'account_id' | 'domain'>[];
  organization_domains: readonly Pick<OrganizationDomain, 'domain'>[];
  members: readonly Pick<Member, 'user_id' | 'email'>[];
  stakeholders: readonly Stakeholder[];
}

/** The writes of one create or update row, in the store's input shape (lib/store/records.ts stamps the rest). */
export type ImportWrite =
  | { kind: 'accounts'; row: number; account: Record<string, unknown>; domains: { id: string; account_id: string; domain: string }[] }
  | { kind: 'stakeholders'; row: number; stakeholder: Record<string, unknown> };

export interface ImportPlan {
  report: Omit<ImportReport, 'digest'>;
  writes: ImportWrite[];
}

export function countOutcomes(rows: readonly PlannedRow[]): ImportReport['counts'] {
  const counts = { create: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/**
 * A stable text of everything the admin saw (outcomes, reasons, changes),
 * without the ids the plan makes up for new records; the background hashes it.
 */
export function planFingerprint(report: Omit<ImportReport, 'digest'>): string {
  return JSON.stringify([report.kind, report.rows.map((r) => [r.row, r.outcome, r.reasons, r.changes.map((c) => [c.field, c.from, c.to])])]);
}

export function rejected(row: number, label: string, reasons: string[]): PlannedRow {
  return { row, label, outcome: 'rejected', reasons, changes: [] };
}

/** Lower-case, single-spaced: how two names are compared. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
