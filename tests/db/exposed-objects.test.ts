import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exposedObjects, summarise, usableSchemas } from './support/exposed-objects';
import { useTestDatabase } from './support/test-database';

/**
 * Everything `anon` and `authenticated` can reach must be in the matrix
 * (supabase/exposed-objects.json), exactly as it is there: a new table,
 * view, sequence or function, a new grant, a table without row-level
 * security or a policy change fails this test until the matrix says so.
 * `SIDECAR_WRITE_MATRIX=1` rewrites the matrix from the database, for a
 * reviewed change.
 */
const MATRIX_FILE = join(import.meta.dirname, '../../supabase/exposed-objects.json');

interface Matrix {
  /** Every schema anon or authenticated may use, and whose it is. */
  schemas: Record<string, string>;
  /** Sidecar's own schemas: every object in them that anon or authenticated can use. */
  objects: Record<string, string>;
}

const matrix = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as Matrix;
const OWN_SCHEMAS = Object.entries(matrix.schemas)
  .filter(([, owner]) => owner.startsWith('Sidecar'))
  .map(([schema]) => schema);

const db = useTestDatabase();
let client: pg.PoolClient;

beforeEach(async () => {
  client = await db.pool().connect();
});
afterEach(() => client.release());

async function actual(): Promise<Record<string, string>> {
  const objects = await exposedObjects(client, OWN_SCHEMAS);
  return Object.fromEntries(Object.entries(objects).map(([name, object]) => [name, summarise(object)]));
}

describe('what anon and authenticated can reach', () => {
  it('is exactly the matrix: every schema, table, view, sequence and function, with its grants, RLS and policies', async () => {
    expect(await usableSchemas(client)).toEqual(Object.keys(matrix.schemas).sort());
    const found = await actual();
    if (process.env.SIDECAR_WRITE_MATRIX) writeFileSync(MATRIX_FILE, `${JSON.stringify({ ...matrix, objects: found }, null, 2)}\n`);
    expect(found).toEqual(matrix.objects);
    expect(Object.keys(found).length).toBeGreaterThan(50);
  });

  it('has row-level security on every table and no view running with its owner’s rights', async () => {
    const found = await actual();
    const tables = Object.entries(found).filter(([, line]) => line.startsWith('table'));
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter(([, line]) => !line.startsWith('table, RLS,')).map(([name]) => name)).toEqual([]);
    expect(Object.entries(found).filter(([, line]) => line.includes('SECURITY DEFINER VIEW'))).toEqual([]);
  });

  it('gives anon nothing: no grant on any object, and every table, view and API function refuses it', async () => {
    expect(Object.entries(await actual()).filter(([, line]) => line.includes('ANON'))).toEqual([]);
    const { rows: relations } = await client.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any ($1) and c.relkind in ('r', 'p', 'v', 'm') order by 1`,
      [OWN_SCHEMAS],
    );
    const { rows: functions } = await client.query<{ name: string; args: number }>(
      `select format('%I.%I', n.nspname, p.proname) as name, p.pronargs as args from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prokind = 'f' order by 1`,
    );
    const answers: string[] = [];
    for (const statement of [
      ...relations.map((r) => `select * from ${r.name} limit 1`),
      ...functions.map((f) => `select ${f.name}(${Array(f.args).fill('null').join(', ')})`),
    ]) {
      await client.query('begin');
      try {
        await client.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        await client.query('set local role anon');
        await client.query(statement);
        answers.push(`${statement}: answered`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== '42501') answers.push(`${statement}: ${code}`);
      } finally {
        await client.query('rollback');
      }
    }
    expect(answers).toEqual([]);
    expect(relations.length + functions.length).toBeGreaterThan(30);
  });

  it('notices a table added without row-level security (the check itself can fail)', async () => {
    await client.query('begin');
    try {
      await client.query('create table public.unchecked_notes (id uuid primary key, body text)');
      const found = await actual();
      expect(found['public.unchecked_notes']).toMatch(/^table, NO RLS, authenticated: .*SELECT/);
      expect(found).not.toEqual(matrix.objects);
    } finally {
      await client.query('rollback');
    }
  });
});
