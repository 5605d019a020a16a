/**
 * The scale organization's records (bench/supabase-scale-data.ts: per
 * account 1 domain, 4 stakeholders, 2 opportunities with their stage
 * history, 2 goals, 2 outcomes, 2 use cases, 4 insights, 2 meetings, 2
 * communication steps, 2 business cases, 8 intent signals, 1 close record:
 * 35 rows, 700,000 at 20,000 accounts), made in memory as the snapshot
 * decoder hands them to the store: full records, fields as the database
 * sends them. Each kind's fields come from the frozen v1 snapshot's record
 * (lib/store/testing/snapshots/v1.ts), which the schemas accept.
 */
import { RECORD_KINDS, type RecordKind } from '../../lib/messaging/record-kinds';
import type { AnyRecord } from '../../lib/schemas/record-kinds';
import type { SidecarDb } from '../../lib/store/db';
import { finishSnapshot, newSnapshotProgress, writeSnapshotPart, type SnapshotProgress } from '../../lib/store/snapshot-writer';
import { V1_RECORDS } from '../../lib/store/testing/snapshots/v1';

const PER_ACCOUNT: Partial<Record<RecordKind, number>> = {
  account_domains: 1,
  stakeholders: 4,
  opportunities: 2,
  opportunity_stage_changes: 2,
  goals: 2,
  outcomes: 2,
  use_cases: 2,
  insights: 4,
  meetings: 2,
  communication_steps: 2,
  business_cases: 2,
  intent_signals: 8,
  close_records: 1,
};

export const ORGANIZATION = '0a000000-0000-4000-8000-00000000000a';
const AUTHOR = '0b000000-0000-4000-8000-00000000000b';

/** A UUID made from numbers, spread over the 256 buckets by its first byte. */
function idOf(kind: number, account: number, n: number): string {
  const first = ((account * 2654435761) >>> 0) % 256;
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(first, 2)}${hex(account, 6)}-${hex(kind, 4)}-4${hex(n, 3)}-8000-${hex(account, 12)}`;
}

export type Part = Partial<Record<RecordKind, AnyRecord[]>>;

/**
 * The organization's records in parts of `bucketsPerPart` account buckets
 * (the first part also holds the organization's own rows). Each part is
 * made when asked for, as the first pull decodes one response at a time:
 * the parts already written are garbage, not held.
 */
export function scaleParts(accounts: number, bucketsPerPart = 8): ScaleParts {
  const partCount = 256 / bucketsPerPart;
  const stamp = { organization_id: ORGANIZATION, created_by: AUTHOR, created_at: '2026-11-01T09:00:00.000Z', updated_at: '2026-11-02T09:30:00.000Z' };
  const accountIds = Array.from({ length: accounts }, (_, a) => idOf(0, a, 0));
  const byPart: number[][] = Array.from({ length: partCount }, () => []);
  accountIds.forEach((account, a) => byPart[Math.floor(parseInt(account.slice(0, 2), 16) / bucketsPerPart)]!.push(a));
  const perAccount = 1 + Object.values(PER_ACCOUNT).reduce((sum, n) => sum + n, 0);
  const part = (index: number): Part => {
    const out: Part = {};
    const add = (kind: RecordKind, record: Record<string, unknown>) => ((out[kind] ??= []) as unknown[]).push(record);
    if (index === 0) {
      add('organizations', { ...V1_RECORDS.organizations[0]!, ...stamp, id: ORGANIZATION });
      add('organization_domains', { ...V1_RECORDS.organization_domains[0]!, ...stamp, id: idOf(900, 0, 0), domain: 'vendor.example' });
      add('members', { ...V1_RECORDS.members[0]!, ...stamp, id: idOf(901, 0, 0), user_id: AUTHOR });
    }
    for (const a of byPart[index]!) {
      const account = accountIds[a]!;
      const ids = (kind: RecordKind, n: number) => idOf(RECORD_KINDS.indexOf(kind), a, n);
      add('accounts', { ...V1_RECORDS.accounts[0]!, ...stamp, id: account, name: `Customer ${a}` });
      for (const [kind, count] of Object.entries(PER_ACCOUNT) as [RecordKind, number][]) {
        const template = (V1_RECORDS as unknown as Record<string, Record<string, unknown>[]>)[kind]![0]!;
        for (let n = 0; n < count; n += 1) {
          const record: Record<string, unknown> = { ...template, ...stamp, id: ids(kind, n), account_id: account };
          if ('opportunity_id' in template) record.opportunity_id = ids('opportunities', n % 2);
          if ('goal_id' in template) record.goal_id = ids('goals', n % 2);
          if ('stakeholder_id' in template) record.stakeholder_id = ids('stakeholders', n % 4);
          if ('stakeholder_ids' in template) record.stakeholder_ids = [ids('stakeholders', 0), ids('stakeholders', 1)];
          if (kind === 'account_domains') record.domain = `customer-${a}.example`;
          if (kind === 'stakeholders') record.email = `person${n}@customer-${a}.example`;
          if (kind === 'close_records') record.opportunity_id = ids('opportunities', 1);
          add(kind, record);
        }
      }
    }
    return out;
  };
  return { partCount, bucketsPerPart, part, rows: 3 + accounts * perAccount, accountIds };
}

export interface ScaleParts {
  partCount: number;
  bucketsPerPart: number;
  part(index: number): Part;
  rows: number;
  accountIds: string[];
}

/**
 * Writes the parts with the snapshot writer, as the first pull does, and
 * times only the writer: each part is made (as the decoder would hand it
 * over) between the timings.
 */
export async function writeScaleSnapshot(db: SidecarDb, parts: ScaleParts): Promise<{ partsMs: number; finishMs: number; progress: SnapshotProgress }> {
  const progress = newSnapshotProgress();
  let partsMs = 0;
  for (let index = 0; index < parts.partCount; index += 1) {
    const records = parts.part(index);
    const firstBucket = index * parts.bucketsPerPart;
    const start = performance.now();
    await writeSnapshotPart(db, { organizationId: ORGANIZATION, firstBucket, lastBucket: firstBucket + parts.bucketsPerPart - 1, records }, progress);
    partsMs += performance.now() - start;
  }
  const finishStart = performance.now();
  await finishSnapshot(db, ORGANIZATION, 'bench-cursor', progress);
  return { partsMs, finishMs: performance.now() - finishStart, progress };
}
