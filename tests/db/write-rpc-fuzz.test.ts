import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calls, type Call } from './support/rpc-fuzz/payloads';
import { WRITE_FUNCTIONS } from './support/rpc-fuzz/rules';
import { storedWhole } from './support/rpc-fuzz/stored-whole';
import { useTestDatabase } from './support/test-database';
import { statusForSqlState } from '../support/supabase-double/errors';

/**
 * Write-RPC fuzzing: random payloads at every write function of
 * supabase/API.md, built from its documented field rules (valid, almost
 * valid, hostile), sent by organization A's people, by organization B's and
 * by nobody. Each call is either stored whole or rejected with a stable code
 * (`SC…`, or 42501 when there is no permission at all); never another error
 * class, and a rejected call changes nothing.
 *
 * Counts: `SIDECAR_RPC_FUZZ_RUNS` per function (default below, sized for CI;
 * `SIDECAR_RPC_FUZZ_RUNS=10000 npm run test:db` runs the full count).
 * `SIDECAR_FUZZ_SEED` replays a run; the seed is printed.
 */
const RUNS = Number(process.env.SIDECAR_RPC_FUZZ_RUNS ?? 500);
const SEED = Number(process.env.SIDECAR_FUZZ_SEED ?? Date.now() % 2 ** 31);
const BATCH = 500;
const STABLE_CODE = /^(SC[A-Z]{3}|42501)$/;

const db = useTestDatabase();

beforeAll(async () => {
  await db.pool().query('select tests.two_organizations()');
  await db.pool().query(readFileSync(join(import.meta.dirname, 'support/rpc-fuzz/harness.sql'), 'utf8'));
});

interface Answer {
  code: string | null;
  message: string | null;
  result: unknown;
  readback: Record<string, unknown> | null;
}

/** API functions that are not fuzzed here, and why. */
const NOT_FUZZED: Record<string, string> = {
  pull_changes: 'a read (tests/db/pull-changes.test.ts)',
  pull_snapshot: 'a read (tests/db/pull-snapshot.test.ts, supabase/tests/database/43-pull-snapshot.sql)',
  account_detail: 'a read',
  take_forecast_snapshot: 'takes one organization id, no payload: its refusals (SCAUT, SCREF) and idempotence are in supabase/tests/database/50-forecast-snapshots.sql',
  join_invited_organizations: 'takes no payload: nothing to fuzz (supabase/tests/database/20-onboarding.sql)',
};

it('fuzzes every function of the API that authenticated may call, but the reads', async () => {
  const { rows } = await db.pool().query<{ name: string }>(
    `select distinct p.proname as name from pg_proc p where p.pronamespace = 'public'::regnamespace
     and has_function_privilege('authenticated', p.oid, 'EXECUTE') order by 1`,
  );
  const fuzzed = new Set(WRITE_FUNCTIONS.map((fn) => fn.name));
  expect(rows.map((r) => r.name).filter((name) => !fuzzed.has(name) && !(name in NOT_FUZZED))).toEqual([]);
});

describe(`write RPCs under fuzzing (${RUNS} payloads each, seed ${SEED})`, () => {
  for (const [index, fn] of WRITE_FUNCTIONS.entries()) {
    it(`${fn.name}: stores a payload whole or rejects it with its stable code, and a rejection changes nothing`, { timeout: 600_000 }, async () => {
      const client = await db.pool().connect();
      const problems: string[] = [];
      const codes = new Map<string, number>();
      let stored = 0;
      let generatedIn = 0;
      const started = performance.now();
      try {
        const generated: Call[] = fc.sample(calls(fn), { numRuns: RUNS, seed: SEED + index });
        generatedIn = performance.now() - started;
        const before = (await client.query('select tests.fuzz_state() as state')).rows[0].state;
        for (let start = 0; start < generated.length; start += BATCH) {
          const batch = generated.slice(start, start + BATCH);
          const { rows } = await client.query('select tests.fuzz_calls($1, $2::jsonb) as answers', [fn.name, JSON.stringify(batch)]);
          (rows[0].answers as Answer[]).forEach((answer, i) => {
            const call = batch[i]!;
            if (answer.code === null) {
              stored += 1;
              const differences = storedWhole(fn, call.payload as Record<string, unknown>, answer.result, answer.readback);
              if (differences.length > 0) problems.push(`stored, not whole: ${differences.join('; ')} — ${JSON.stringify(call)}`);
            } else {
              codes.set(answer.code, (codes.get(answer.code) ?? 0) + 1);
              // What the Supabase test double (PostgREST's mapping) would answer: never a 5xx.
              const status = statusForSqlState(answer.code, call.who === 'anon');
              if (status >= 500) problems.push(`HTTP ${status} for ${answer.code} ${answer.message}`);
              if (!STABLE_CODE.test(answer.code)) problems.push(`${answer.code} ${answer.message} — ${JSON.stringify(call).slice(0, 600)}`);
            }
          });
        }
        expect((await client.query('select tests.fuzz_state() as state')).rows[0].state).toEqual(before);
      } finally {
        client.release();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(`[rpc-fuzz] ${fn.name}: ${RUNS} calls in ${seconds} s (generating ${(generatedIn / 1000).toFixed(1)} s); stored ${stored}; rejected ${JSON.stringify(Object.fromEntries([...codes].sort()))}`);
      // SIDECAR_FUZZ_DUMP=<file> keeps every bad outcome, not only the first five, for triage.
      if (process.env.SIDECAR_FUZZ_DUMP) appendFileSync(process.env.SIDECAR_FUZZ_DUMP, problems.map((p) => `${fn.name}: ${p}\n`).join(''));
      expect(problems.slice(0, 5), `${problems.length} bad outcomes (seed ${SEED + index})`).toEqual([]);
      // The generator must reach the write path, not only the validators.
      expect(stored).toBeGreaterThan(RUNS * 0.1);
    });
  }
});
