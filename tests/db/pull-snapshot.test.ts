import { createHash } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRecordKind, RECORD_KINDS, type RecordKind } from '../../lib/messaging/record-kinds';
import { specOf, type AnyRecord } from '../../lib/schemas/record-kinds';
import { decodeSnapshotPart } from '../../lib/sync/snapshot-wire';
import { applyChanges, pullAll } from './support/pull';
import { seedId } from './support/seed-ids';
import { REFUSED_ROWS, SNAPSHOT_EDGE_ROWS_SQL } from './support/snapshot-edge-rows';
import { asUser, useTestDatabase } from './support/test-database';

/**
 * `pull_snapshot` is bound to the record schemas through the decoder: for the
 * same data, the decoded snapshot must be, kind by kind, exactly what a client
 * gets by pulling every page of `pull_changes` and parsing each row with its
 * kind's schema. A column in the wrong place, an enum index off by one or a
 * day number off by one shows up here as a record that differs.
 */
const db = useTestDatabase();
const ORGANIZATION = seedId('organization');
const CSM = seedId('user:csm1');
const md5Id = (label: string) => createHash('md5').update(label).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const fixtureUser = (who: string) => md5Id(`sidecar-fixture:user:${who}`);

type Records = Partial<Record<RecordKind, AnyRecord[]>>;

beforeAll(async () => {
  await db.pool().query(SNAPSHOT_EDGE_ROWS_SQL);
  await db.pool().query('select tests.two_organizations()');
});

async function snapshot(client: pg.ClientBase, first: number, last: number, organization = ORGANIZATION) {
  const { rows } = await client.query<{ body: unknown }>('select public.pull_snapshot($1, $2, $3) as body', [organization, first, last]);
  const part = decodeSnapshotPart(rows[0]!.body, organization);
  if (!part.ok) throw new Error(part.message);
  return part;
}

const snapshotAs = (user: string, first = 0, last = 255, organization = ORGANIZATION) => asUser(db.pool(), user, (c) => snapshot(c, first, last, organization));

/** What a client has after pulling every page of pull_changes from the start: each kind's rows parsed, and the ids its schema refuses. */
async function pulledFromTheStart(user: string): Promise<{ records: Records; refused: string[] }> {
  const changes = await asUser(db.pool(), user, (c) => pullAll(c, ORGANIZATION, null, 5000));
  const tables = applyChanges(changes);
  const records: Records = {};
  const refused: string[] = [];
  for (const kind of RECORD_KINDS) {
    records[kind] = [];
    for (const row of tables.get(kind)?.values() ?? []) {
      const { change_xid: _xid, change_seq: _seq, ...named } = row;
      const parsed = specOf(kind).schema.safeParse(named);
      if (parsed.success) records[kind]!.push(parsed.data as AnyRecord);
      else refused.push(`${kind} ${String(named.id)}`);
    }
  }
  return { records, refused };
}

const byId = (records: readonly AnyRecord[] = []) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
/** "kind id" of each rejection message. */
const rejectedIds = (rejected: readonly string[]) => rejected.map((message) => message.split(':')[0]!).sort();

/** The values a record schema's enum fields (and lists of enums) can take, field by field. */
function enumFields(kind: RecordKind): { field: string; values: string[] }[] {
  const defOf = (schema: unknown) => (schema as { _zod: { def: { type: string; innerType?: unknown; element?: unknown; entries?: Record<string, string> } } })._zod.def;
  const out: { field: string; values: string[] }[] = [];
  for (const [field, schema] of Object.entries(specOf(kind).schema.shape)) {
    let def = defOf(schema);
    while (def.type === 'default' || def.type === 'nullable' || def.type === 'array') def = defOf(def.innerType ?? def.element);
    if (def.type === 'enum') out.push({ field, values: Object.values(def.entries ?? {}) });
  }
  return out;
}

describe('pull_snapshot, decoded', () => {
  it('gives a CSM, kind by kind, exactly the records pull_changes gives from the start, parsed by their schemas', async () => {
    const [part, pulled] = [await snapshotAs(CSM), await pulledFromTheStart(CSM)];
    for (const kind of RECORD_KINDS) expect(byId(part.records[kind]), kind).toEqual(byId(pulled.records[kind]));
    // The rows the schemas refuse are left out of both, and named by the decoder.
    expect(rejectedIds(part.rejected)).toEqual([...pulled.refused].sort());
    expect(rejectedIds(part.rejected)).toEqual(REFUSED_ROWS.map((row) => `${row.kind} ${md5Id(row.label)}`).sort());
  });

  it('carries every value of every enum field, nulls, lists and edge days (the fixture reaches them)', async () => {
    const part = await snapshotAs(CSM);
    for (const kind of RECORD_KINDS) {
      for (const { field, values } of enumFields(kind)) {
        const seen = new Set(part.records[kind]!.flatMap((record) => [(record as Record<string, unknown>)[field]].flat()));
        expect([...values].filter((value) => !seen.has(value)), `${kind}.${field}`).toEqual([]);
      }
    }
    const person = part.records.stakeholders!.find((s) => s.id === md5Id('snapshot:stakeholder:0'));
    expect(person).toMatchObject({ roles: enumFields('stakeholders').find((f) => f.field === 'roles')!.values, influence: null, organization_id: ORGANIZATION });
    const days = part.records.opportunities!.flatMap((o) => ('target_date' in o ? [o.target_date] : []));
    expect(days).toEqual(expect.arrayContaining(['0001-01-01', '9999-12-31', null]));
  });

  it('cuts the accounts into buckets by the first two hex digits of their id, and sends the organization’s own rows with bucket 0', async () => {
    const [whole, low, high, middle] = [await snapshotAs(CSM, 0, 255), await snapshotAs(CSM, 0, 127), await snapshotAs(CSM, 128, 255), await snapshotAs(CSM, 7, 7)];
    for (const kind of RECORD_KINDS) {
      expect(byId([...(low.records[kind] ?? []), ...(high.records[kind] ?? [])]), kind).toEqual(byId(whole.records[kind]));
    }
    expect(Object.keys(low.records)).toEqual(expect.arrayContaining(['organizations', 'organization_domains', 'members']));
    for (const part of [high, middle]) expect(Object.keys(part.records)).not.toEqual(expect.arrayContaining(['organizations']));
    expect(Object.keys(high.records).filter((kind) => ['organizations', 'organization_domains', 'members'].includes(kind))).toEqual([]);
    const bucketOf = (accountId: string) => parseInt(accountId.slice(0, 2), 16);
    expect(high.records.accounts!.every((a) => bucketOf(a.id) >= 128)).toBe(true);
    expect(middle.records.accounts!.every((a) => bucketOf(a.id) === 7)).toBe(true);
    expect(high.records.stakeholders!.every((s) => 'account_id' in s && bucketOf(s.account_id) >= 128)).toBe(true);
  });

  it('gives a CSM of another organization nothing of this one: a refusal, and their own snapshot holds none of its rows', async () => {
    await expect(snapshotAs(fixtureUser('csm_b'))).rejects.toMatchObject({ code: 'SCREF' });
    const own = await snapshotAs(fixtureUser('csm_b'), 0, 255, md5Id('sidecar-fixture:organizations:B'));
    expect(own.records.accounts!.length).toBeGreaterThan(0);
    const ours = new Set((await snapshotAs(CSM)).records.accounts!.map((a) => a.id));
    expect(own.records.accounts!.filter((a) => ours.has(a.id))).toEqual([]);
  });
});

describe('pull_snapshot’s cursor', () => {
  function goal(id: string, statement: string, account = seedId('account:4')) {
    return JSON.stringify({ id, account_id: account, statement });
  }

  it('loses nothing and adds nothing: a snapshot, then pull_changes from its cursor, is the state a full pull gives', async () => {
    const early = seedId('snapshot:early');
    const late = seedId('snapshot:late');
    const after = seedId('snapshot:after');
    const doomed = late;

    // A writer that started first holds its transaction open (its xid is below the snapshot's xmin)…
    const slow = await db.pool().connect();
    let part;
    try {
      await slow.query('begin');
      await slow.query('set local role authenticated');
      await slow.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: seedId('user:csm2'), role: 'authenticated' })]);
      await slow.query('select public.save_goal($1::jsonb)', [goal(early, 'Written first, committed last')]);
      // …while a later writer commits before the snapshot is taken.
      await asUser(db.pool(), seedId('user:csm3'), (c) => c.query('select public.save_goal($1::jsonb)', [goal(late, 'Written last, committed first', seedId('account:5'))]));

      part = await snapshotAs(CSM);
      expect(part.records.goals!.map((g) => g.id)).toContain(late);
      expect(part.records.goals!.map((g) => g.id)).not.toContain(early);
      await slow.query('commit');
    } finally {
      slow.release();
    }
    // Changes after the snapshot: a new goal and a deletion.
    await asUser(db.pool(), CSM, (c) => c.query('select public.save_goal($1::jsonb)', [goal(after, 'Written after the snapshot')]));
    await asUser(db.pool(), seedId('user:csm3'), (c) => c.query('select public.delete_record($1::jsonb)', [JSON.stringify({ kind: 'goals', id: doomed })]));

    const delta = await asUser(db.pool(), CSM, (c) => pullAll(c, ORGANIZATION, part.cursor, 5000));
    expect(delta.map((row) => [row.record_id, row.deleted])).toEqual(expect.arrayContaining([[early, false], [after, false], [doomed, true]]));

    // The snapshot's records, then the delta applied in order: the same as a full pull now.
    const replica = new Map<string, Map<string, Record<string, unknown>>>();
    for (const [kind, records] of Object.entries(part.records)) replica.set(kind, new Map(records.map((r) => [r.id, r as Record<string, unknown>])));
    for (const row of delta) {
      if (!isRecordKind(row.table_name)) continue;
      const table = replica.get(row.table_name) ?? new Map();
      replica.set(row.table_name, table);
      if (row.deleted) table.delete(row.record_id);
      else table.set(row.record_id, specOf(row.table_name).schema.parse(stripStamps(row.record!)));
    }
    const full = await pulledFromTheStart(CSM);
    for (const kind of RECORD_KINDS) expect(byId([...(replica.get(kind)?.values() ?? [])] as AnyRecord[]), kind).toEqual(byId(full.records[kind]));
  });

  it('repeats nothing when nothing was written meanwhile', async () => {
    const part = await snapshotAs(CSM);
    expect(await asUser(db.pool(), CSM, (c) => pullAll(c, ORGANIZATION, part.cursor, 5000))).toEqual([]);
  });
});

function stripStamps(record: Record<string, unknown>): Record<string, unknown> {
  const { change_xid: _xid, change_seq: _seq, ...named } = record;
  return named;
}
