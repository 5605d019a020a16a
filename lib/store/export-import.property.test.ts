import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_POSITIONS } from '../pipeline/facts';
import type { SidecarDb } from './db';
import { exportStore, importStore } from './export-import';
import { deleteRecord, putRecord } from './records';
import { invalidateRecognition } from './recognition-cache';
import { readRecognitionInput } from './reads';
import { openTestDb } from './testing/test-db';
import { allStored, storedById } from './testing/stored';

/**
 * A random history of creates, updates and deletes, exported and imported
 * into an empty store, must come back exactly: same records, same outbox,
 * same author.
 */
type Step =
  | { op: 'create-account'; name: string }
  | { op: 'create-stakeholder'; account: number; name: string; email: string | null }
  | { op: 'create-opportunity'; account: number; stage: number }
  | { op: 'create-goal'; account: number; statement: string }
  | { op: 'update-account'; account: number; name: string; arr: number | null }
  | { op: 'update-stakeholder'; stakeholder: number; position: number }
  | { op: 'update-opportunity'; opportunity: number; stage: number; won: boolean }
  | { op: 'delete'; kind: 'accounts' | 'stakeholders' | 'opportunities' | 'goals'; index: number };

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const pick = fc.nat({ max: 20 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create-account' as const), name: text }),
  fc.record({ op: fc.constant('create-stakeholder' as const), account: pick, name: text, email: fc.option(fc.emailAddress().map((e) => e.toLowerCase()), { nil: null }) }),
  fc.record({ op: fc.constant('create-opportunity' as const), account: pick, stage: fc.nat({ max: 4 }) }),
  fc.record({ op: fc.constant('create-goal' as const), account: pick, statement: text }),
  fc.record({ op: fc.constant('update-account' as const), account: pick, name: text, arr: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }) }),
  fc.record({ op: fc.constant('update-stakeholder' as const), stakeholder: pick, position: fc.nat({ max: STAKEHOLDER_POSITIONS.length - 1 }) }),
  fc.record({ op: fc.constant('update-opportunity' as const), opportunity: pick, stage: fc.nat({ max: 4 }), won: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), kind: fc.constantFrom('accounts', 'stakeholders', 'opportunities', 'goals'), index: pick }),
);

const STAGES = ['identify', 'align', 'advocate', 'intent', 'net_revenue_close'] as const;

async function apply(db: SidecarDb, steps: Step[]): Promise<void> {
  let tick = Date.parse('2026-11-01T00:00:00.000Z');
  const now = () => new Date((tick += 1000));
  const ids = async (kind: 'accounts' | 'stakeholders' | 'opportunities' | 'goals') => (await allStored(db, kind)).map((record) => record.id);
  const nth = async (kind: 'accounts' | 'stakeholders' | 'opportunities' | 'goals', i: number) => {
    const all = await ids(kind);
    return all.length ? all[i % all.length] : undefined;
  };
  for (const s of steps) {
    if (s.op === 'create-account') await putRecord(db, 'accounts', { id: crypto.randomUUID(), name: s.name }, { now });
    if (s.op === 'create-stakeholder') {
      const account_id = await nth('accounts', s.account);
      // A clash on (account, email) is refused by the store; that is part of the history too.
      if (account_id) await putRecord(db, 'stakeholders', { id: crypto.randomUUID(), account_id, name: s.name, email: s.email }, { now });
    }
    if (s.op === 'create-opportunity') {
      const account_id = await nth('accounts', s.account);
      if (account_id) await putRecord(db, 'opportunities', { id: crypto.randomUUID(), account_id, title: 'Motion', type: 'expansion', declared_stage: STAGES[s.stage] }, { now });
    }
    if (s.op === 'create-goal') {
      const account_id = await nth('accounts', s.account);
      if (account_id) await putRecord(db, 'goals', { id: crypto.randomUUID(), account_id, statement: s.statement }, { now });
    }
    if (s.op === 'update-account') {
      const id = await nth('accounts', s.account);
      const current = id && (await storedById(db, 'accounts', id));
      if (current) await putRecord(db, 'accounts', { ...current, name: s.name, arr: s.arr }, { now });
    }
    if (s.op === 'update-stakeholder') {
      const id = await nth('stakeholders', s.stakeholder);
      const current = id && (await storedById(db, 'stakeholders', id));
      if (current) await putRecord(db, 'stakeholders', { ...current, position: STAKEHOLDER_POSITIONS[s.position] }, { now });
    }
    if (s.op === 'update-opportunity') {
      const id = await nth('opportunities', s.opportunity);
      const current = id && (await storedById(db, 'opportunities', id));
      if (current) await putRecord(db, 'opportunities', { ...current, declared_stage: STAGES[s.stage], status: s.won ? 'won' : 'open' }, { now });
    }
    if (s.op === 'delete') {
      const id = await nth(s.kind, s.index);
      if (id) await deleteRecord(db, s.kind, id, { now });
    }
  }
}

/** The recognition input in a fixed order (the cache keeps rows in bucket order). */
function sortedInput(input: Awaited<ReturnType<typeof readRecognitionInput>>) {
  const byJson = <T>(list: T[]) => list.map((item) => JSON.stringify(item)).sort();
  return { accounts: byJson(input.accounts), accountDomains: byJson(input.accountDomains), stakeholders: byJson(input.stakeholders), ownDomains: [...input.ownDomains].sort() };
}

describe('export and import', () => {
  it('reproduces the same records, outbox and author after any history of writes (and the recognition cache follows every write)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const source = openTestDb();
        await readRecognitionInput(source); // builds the recognition cache, so every write below patches it
        await apply(source, steps);
        const patched = await readRecognitionInput(source);
        await source.transaction('rw', source.meta, () => invalidateRecognition(source));
        expect(sortedInput(patched)).toEqual(sortedInput(await readRecognitionInput(source)));
        const exported = await exportStore(source);
        const target = openTestDb();
        const report = await importStore(target, JSON.parse(JSON.stringify(exported)));
        expect(report.ok).toBe(true);
        const again = await exportStore(target, new Date(exported.exported_at));
        expect(again).toEqual(exported);
      }),
      { numRuns: 40 },
    );
    // Forty histories through IndexedDB take ~1.5 s alone; the default 5 s is
    // too tight when the whole suite shares two cores.
  }, 30_000);
});
