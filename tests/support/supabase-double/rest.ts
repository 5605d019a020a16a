import type { Pool, PoolClient } from 'pg';
import { fromPgError, HttpError, postgrestError } from './errors';
import type { AccessClaims } from './jwt';
import { identifier, parseReadQuery, quote, readSql } from './rest-query';

/**
 * PostgREST's request model: each request runs in its own transaction, as
 * the role named by the verified JWT, with the claims in
 * `request.jwt.claims`, so every row-level security policy and `auth.uid()`
 * behave exactly as in a Supabase project.
 */
export async function asRole<T>(pool: Pool, claims: AccessClaims, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // One round trip for the three settings, as PostgREST sends them (`role` via set_config is `set local role`).
    await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('request.method', 'POST', true)`, [claims.role, JSON.stringify(claims)]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (error instanceof HttpError) throw error;
    throw fromPgError(error as { code?: string; message: string }, claims.role === 'anon');
  } finally {
    client.release();
  }
}

export interface ReadAnswer {
  /** The rows as PostgreSQL rendered them: a JSON array, passed to the client untouched. */
  body: JsonText;
  /** How many rows `body` holds (for `Content-Range` and the single-object check). */
  count: number;
  /** The single row alone, as JSON text, when `count` is 1 (`Accept: application/vnd.pgrst.object+json`). */
  single: JsonText | null;
  total?: number;
}

/**
 * `GET /rest/v1/<relation>?…`: rows of a table or view of `public`. As in
 * PostgREST, PostgreSQL builds the whole JSON body (`json_agg(t)::text`) and
 * the double passes that text on; parsing rows into objects and serialising
 * them again would be slower than the real server and less faithful to it.
 */
export async function readRelation(client: PoolClient, relation: string, params: URLSearchParams, countExact: boolean, maxRows?: number): Promise<ReadAnswer> {
  const name = identifier(relation);
  const { rows: exists } = await client.query(`select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = $1`, [name]);
  if (exists.length === 0) throw postgrestError(404, 'PGRST205', `Could not find the table 'public.${name}' in the schema cache`);
  const query = parseReadQuery(params);
  // PostgREST's `db-max-rows` (Supabase's "Max rows", 1,000 by default): no answer holds more, whatever `limit` asks.
  if (maxRows !== undefined) query.limit = Math.min(query.limit ?? maxRows, maxRows);
  const { sql, params: values } = readSql(name, query);
  const { rows } = await client.query<{ body: string | null; n: string; single: string | null }>(
    // The single row is the body's first element: PostgreSQL computes the one
    // json_agg for both (an aggregate written twice is computed once). An
    // array_agg(row_to_json(t)) here was computed for every page, inside the
    // CASE or not, and rendered every row twice.
    `select coalesce(json_agg(t), '[]'::json)::text as body, count(*) as n,
            case when count(*) = 1 then (json_agg(t) -> 0)::text end as single
       from (${sql}) t`,
    values,
  );
  const row = rows[0];
  const answer: ReadAnswer = { body: new JsonText(row?.body ?? '[]'), count: Number(row?.n ?? 0), single: row?.single ? new JsonText(row.single) : null };
  if (countExact) {
    const counted = readSql(name, { ...query, order: [], limit: undefined, offset: undefined });
    const { rows: c } = await client.query<{ n: string }>(`select count(*) as n from (${counted.sql}) t`, counted.params);
    answer.total = Number(c[0]?.n ?? 0);
  }
  return answer;
}

export interface FunctionShape {
  argNames: string[];
  argTypes: string[];
  returnsSet: boolean;
  returnsVoid: boolean;
  returnsScalar: boolean;
}

/**
 * A JSON body as PostgreSQL rendered it. PostgREST hands the database's JSON
 * text to the client untouched; parsing and re-serialising it here would put
 * the double's own cost (seconds on a 700,000-row pull) into the sync
 * benchmark's figures.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Function shapes found, by name and argument names: PostgREST's schema
 * cache. Only found shapes are kept, so a function created later is still
 * found; the migrations do not change a signature while a double runs.
 */
export type SchemaCache = Map<string, FunctionShape>;

/** `POST /rest/v1/rpc/<fn>`: calls a function of `public` with named arguments from the JSON body. */
export async function callFunction(client: PoolClient, fn: string, args: Record<string, unknown>, schemaCache?: SchemaCache): Promise<JsonText | null> {
  const name = identifier(fn);
  const cacheKey = `${name}(${Object.keys(args).sort().join(',')})`;
  const shape = schemaCache?.get(cacheKey) ?? (await functionShape(client, name, Object.keys(args)));
  schemaCache?.set(cacheKey, shape);
  const values: unknown[] = [];
  const namedArgs = shape.argNames.flatMap((arg, i) => {
    if (!(arg in args)) return [];
    const value = args[arg];
    values.push(value !== null && typeof value === 'object' ? JSON.stringify(value) : value);
    return [`${quote(arg)} := $${values.length}::${shape.argTypes[i]}`];
  });
  const call = `public.${quote(name)}(${namedArgs.join(', ')})`;
  if (shape.returnsVoid) {
    await client.query(`select ${call}`, values);
    return null;
  }
  const body = shape.returnsSet
    ? `select coalesce(json_agg(r), '[]'::json)::text as body from ${call} r`
    : shape.returnsScalar
      ? `select to_json(${call})::text as body`
      : `select to_json(r)::text as body from ${call} r`;
  const { rows } = await client.query<{ body: string | null }>(body, values);
  return new JsonText(rows[0]?.body ?? (shape.returnsSet ? '[]' : 'null'));
}

async function functionShape(client: PoolClient, name: string, given: string[]): Promise<FunctionShape> {
  const { rows } = await client.query<{ arg_names: string[] | null; arg_types: string[]; retset: boolean; rettype: string; typtype: string; nargs: number; ndefaults: number }>(
    `select p.proargnames as arg_names,
            array(select format_type(t, null) from unnest(p.proargtypes) as t) as arg_types,
            p.proretset as retset, format_type(p.prorettype, null) as rettype, rt.typtype, p.pronargs as nargs, p.pronargdefaults as ndefaults
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on n.oid = p.pronamespace
       join pg_catalog.pg_type rt on rt.oid = p.prorettype
      where n.nspname = 'public' and p.proname = $1`,
    [name],
  );
  const candidates = rows.filter((row) => {
    const names = (row.arg_names ?? []).slice(0, row.nargs);
    const required = names.slice(0, row.nargs - row.ndefaults);
    return given.every((g) => names.includes(g)) && required.every((r) => given.includes(r));
  });
  if (candidates.length === 0) {
    throw postgrestError(404, 'PGRST202', `Could not find the function public.${name}(${given.join(', ')}) in the schema cache`);
  }
  if (candidates.length > 1) throw postgrestError(300, 'PGRST203', `Could not choose the best candidate function between several public.${name}`);
  const row = candidates[0]!;
  return {
    argNames: (row.arg_names ?? []).slice(0, row.nargs),
    argTypes: row.arg_types,
    returnsSet: row.retset,
    returnsVoid: row.rettype === 'void',
    returnsScalar: row.typtype !== 'c' && !row.retset,
  };
}
