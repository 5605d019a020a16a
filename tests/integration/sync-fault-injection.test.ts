import { IDBFactory } from 'fake-indexeddb';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordKind } from '@/lib/messaging/record-kinds';
import type { SidecarDb } from '@/lib/store/db';
import { deleteRecord, putRecord } from '@/lib/store/records';
import { openTestDb } from '@/lib/store/testing/test-db';
import { writeWorkspaceLink } from '@/lib/store/workspace-link';
import { SyncEngine } from '@/lib/sync/engine';
import { fetchWithTimeout, supabaseRemote, type SyncRemote } from '@/lib/sync/remote';
import { createSidecarDatabase } from '../support/database';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { seededRandom } from '../support/seeded-random';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { SEED_CSMS, SEED_ORGANIZATION, signInWithCode } from '../support/sync-workspace';
import { startSupabaseDouble, type SupabaseDouble } from '../support/supabase-double/server';
import { allStored, storedById } from '../../lib/store/testing/stored';

/**
 * Acceptance 2 of issue 7: two CSMs write 1,000 records between them over a
 * network that drops, delays, duplicates and fails requests (500, 401,
 * hangs), while their sync engines are killed mid-push and restarted. Every
 * write must arrive exactly once, both stores must end equal to the server,
 * and both outboxes must end empty.
 */
const WRITES = 1_000;
const SEED = 20261122;
const KINDS = ['accounts', 'stakeholders', 'goals', 'opportunities'] as const satisfies readonly RecordKind[];
type Kind = (typeof KINDS)[number];
const TEXT_FIELD: Record<Kind, string> = { accounts: 'name', stakeholders: 'name', goals: 'statement', opportunities: 'title' };

let cluster: PgCluster;
let double: SupabaseDouble;
let proxy: FaultProxy;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startCluster();
  await createSidecarDatabase(cluster, 'sync_faults', { seed: true });
  double = await startSupabaseDouble({ databaseUrl: cluster.url('sync_faults') });
  proxy = await startFaultProxy({
    target: double.url,
    seed: SEED,
    paths: ['/rest/v1/'],
    maxDelayMs: 40,
    weights: { pass: 70, 'drop-before': 5, 'drop-after': 6, delay: 6, duplicate: 5, 'fail-500': 4, 'fail-401': 3, hang: 1 },
  });
  pool = new pg.Pool({ connectionString: cluster.url('sync_faults'), max: 2 });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await proxy?.close();
  await double?.close();
  await cluster?.stop();
});

/** A crash of the worker, at a random request: before it leaves, or after the server answered. */
class Killed extends Error {}

interface Csm {
  name: string;
  db: SidecarDb;
  remote: SyncRemote;
  engine: SyncEngine;
  clockSkew: number;
  /** What the CSM's last write said about each record: the text written, or `deleted`. */
  expected: Map<string, { kind: Kind; text: string } | 'deleted'>;
}

async function makeCsm(name: string, who: { email: string; userId: string }): Promise<Csm> {
  const client = await signInWithCode(double, proxy.url, who.email, fetchWithTimeout(700));
  const db = openTestDb(new IDBFactory());
  await writeWorkspaceLink(db, { organization_id: SEED_ORGANIZATION, user_id: who.userId, email: who.email, connected_at: new Date().toISOString(), solo_uploaded_at: null });
  const csm: Csm = { name, db, remote: supabaseRemote(client), engine: undefined as never, clockSkew: 0, expected: new Map() };
  csm.engine = newEngine(csm, csm.remote);
  return csm;
}

function newEngine(csm: Csm, remote: SyncRemote): SyncEngine {
  return new SyncEngine({ db: csm.db, remote, now: () => Date.now() + csm.clockSkew, leaseMs: 30_000, pageSize: 200 });
}

/** A remote that kills the run at its `killAt`-th call, before or after sending it. */
function killingRemote(base: SyncRemote, killAt: number, afterSend: boolean): SyncRemote {
  let calls = 0;
  return {
    async call(fn, args) {
      calls += 1;
      if (calls === killAt && !afterSend) throw new Killed();
      const answer = await base.call(fn, args);
      if (calls === killAt) throw new Killed();
      return answer;
    },
    refreshSession: () => base.refreshSession(),
  };
}

describe('sync under injected faults', () => {
  it('delivers 1,000 random writes of two CSMs exactly once, with engines killed mid-push', async () => {
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const marcus = await makeCsm('marcus', SEED_CSMS.marcus);
    const elena = await makeCsm('elena', SEED_CSMS.elena);
    const csms = [marcus, elena];
    const started = Date.now();
    let kills = 0;
    let runs = 0;
    const counts = { create: 0, update: 0, delete: 0 };

    const live = async (csm: Csm, kind: Kind) => {
      const ids = [...csm.expected].filter(([, value]) => value !== 'deleted' && value.kind === kind).map(([id]) => id);
      const present = (await Promise.all(ids.map((id) => storedById(csm.db, kind, id)))) as (Record<string, unknown> | undefined)[];
      return present.filter((row): row is Record<string, unknown> => row !== undefined);
    };

    const write = async (csm: Csm, n: number) => {
      const roll = random();
      const accounts = await live(csm, 'accounts');
      const text = `${csm.name} write ${n}`;
      if (accounts.length < 3 || roll < 0.15) {
        const id = crypto.randomUUID();
        expect((await putRecord(csm.db, 'accounts', { id, name: text })).ok).toBe(true);
        csm.expected.set(id, { kind: 'accounts', text });
        counts.create += 1;
        return;
      }
      if (roll < 0.5) {
        const kind = pick(['stakeholders', 'goals', 'opportunities'] as const);
        const id = crypto.randomUUID();
        const account = pick(accounts);
        const input = { id, account_id: account.id, [TEXT_FIELD[kind]]: text, ...(kind === 'opportunities' ? { type: 'renewal' } : {}) };
        expect((await putRecord(csm.db, kind, input)).ok).toBe(true);
        csm.expected.set(id, { kind, text });
        counts.create += 1;
        return;
      }
      const kind = pick(KINDS);
      const candidates = await live(csm, kind);
      if (candidates.length === 0) return write(csm, n);
      const target = pick(candidates);
      // Deleting an account takes its records with it: rarer than other deletions.
      if (roll < 0.85 || (kind === 'accounts' && random() >= 0.3)) {
        expect((await putRecord(csm.db, kind, { ...target, [TEXT_FIELD[kind]]: text })).ok).toBe(true);
        csm.expected.set(target.id as string, { kind, text });
        counts.update += 1;
      } else {
        expect((await deleteRecord(csm.db, kind, target.id as string)).ok).toBe(true);
        csm.expected.set(target.id as string, 'deleted');
        counts.delete += 1;
        if (kind === 'accounts') for (const [id, value] of csm.expected) if (value !== 'deleted' && !(await storedById(csm.db, value.kind, id))) csm.expected.set(id, 'deleted');
      }
    };

    const syncWithCrashes = async (csm: Csm) => {
      runs += 1;
      // Until five engines have died mid-run, every sync round tries to kill one
      // (a run can end on a transient fault before its killing call): the test
      // must not pass without having restarted engines, whatever the seed.
      if (kills < 5 || random() < 0.5) {
        const engine = newEngine(csm, killingRemote(csm.remote, 1 + Math.floor(random() * 12), random() < 0.5));
        // The run may end on a transient failure before its killing call comes.
        const crash = await engine.run({ force: true }).then(() => null, (error: unknown) => error);
        if (crash !== null) {
          expect(crash).toBeInstanceOf(Killed);
          kills += 1;
          // The dead worker's lease must expire before the next wake can run.
          expect(await newEngine(csm, csm.remote).run({ force: true })).toEqual({ ran: false, reason: 'busy' });
          csm.clockSkew += 31_000;
          csm.engine = newEngine(csm, csm.remote);
        }
      }
      await csm.engine.run({ force: true });
    };

    for (let n = 0; n < WRITES; n += 1) {
      const csm = pick(csms);
      await write(csm, n);
      if (n % 25 === 24) await syncWithCrashes(pick(csms));
    }
    const faultyPhase = Date.now() - started;

    proxy.setEnabled(false);
    for (let round = 0; round < 3; round += 1) for (const csm of csms) await csm.engine.run({ force: true });

    expect(counts.create + counts.update + counts.delete).toBe(WRITES);
    expect(kills).toBeGreaterThanOrEqual(5);
    // Outboxes empty: every write was answered by the server.
    for (const csm of csms) expect(await csm.db.outbox.count()).toBe(0);

    // Exactly once: each surviving record once on the server, with the last text its CSM wrote; each deletion gone.
    const authors = [SEED_CSMS.marcus.userId, SEED_CSMS.elena.userId];
    let liveExpected = 0;
    for (const kind of KINDS) {
      const { rows } = await pool.query<{ id: string; text: string; n: string }>(
        `select id::text, ${TEXT_FIELD[kind]} as text, count(*) over (partition by id) as n from public.${kind} where created_by = any($1) and created_at >= $2`,
        [authors, new Date(started)],
      );
      const server = new Map(rows.map((row) => [row.id, row]));
      expect(rows.every((row) => row.n === '1')).toBe(true);
      const expectedLive = csms.flatMap((csm) => [...csm.expected].filter(([, v]) => v !== 'deleted' && v.kind === kind)) as [string, { text: string }][];
      liveExpected += expectedLive.length;
      for (const [id, value] of expectedLive) expect(server.get(id)?.text, `${kind} ${id}`).toBe(value.text);
      expect(server.size).toBe(expectedLive.length);
    }

    // The same final state on the server and in both stores (all of the organization's rows of these kinds).
    for (const kind of KINDS) {
      const { rows } = await pool.query<{ row: Record<string, unknown> }>(
        `select to_jsonb(t) - 'change_xid' - 'change_seq' as row from public.${kind} t where organization_id = $1 order by id`,
        [SEED_ORGANIZATION],
      );
      const server = rows.map((r) => r.row);
      for (const csm of csms) {
        const local = (await allStored(csm.db, kind)).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(local.length, `${csm.name} ${kind}`).toBe(server.length);
        expect(local).toEqual(server);
      }
    }

    console.info(
      `[sync faults] writes=${WRITES} (create ${counts.create}, update ${counts.update}, delete ${counts.delete}); live records=${liveExpected}; ` +
        `runs=${runs}, kills=${kills}; fates=${JSON.stringify(proxy.counts)}; faulty phase ${(faultyPhase / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
