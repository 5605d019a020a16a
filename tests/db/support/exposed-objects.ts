import type pg from 'pg';

/**
 * What `anon` and `authenticated` can reach in the database, read from the
 * catalog: every table, view, sequence and function of a schema they may
 * use, with their privileges, row-level security and policies. The
 * exposed-objects test compares this with the matrix kept in
 * supabase/exposed-objects.json.
 */
export interface ExposedObject {
  kind: 'table' | 'view' | 'materialized view' | 'sequence' | 'function';
  /** Privileges of `authenticated` (`anon` must have none; checked apart). */
  authenticated: string[];
  anon: string[];
  /** Tables: whether row-level security is enabled, and forced. */
  rls?: boolean;
  /** Tables: each policy's command, roles and name (`SELECT to authenticated "Members can read…"`). */
  policies?: string[];
  /** Views: whether they run with the caller's rights (`security_invoker`). */
  security_invoker?: boolean;
  /** Functions: whether they run with their owner's rights. */
  security_definer?: boolean;
}

const ROLES = ['anon', 'authenticated'] as const;
const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
const SEQUENCE_PRIVILEGES = ['USAGE', 'SELECT', 'UPDATE'];

/** The schemas `anon` or `authenticated` may use (besides the system's own). */
export async function usableSchemas(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ nspname: string }>(`
    select n.nspname from pg_namespace n
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      and (has_schema_privilege('anon', n.oid, 'USAGE') or has_schema_privilege('authenticated', n.oid, 'USAGE'))
    order by 1`);
  return rows.map((r) => r.nspname);
}

export async function exposedObjects(client: pg.ClientBase, schemas: string[]): Promise<Record<string, ExposedObject>> {
  const objects: Record<string, ExposedObject> = {};
  const relations = await client.query<{ name: string; relkind: string; rls: boolean; options: string[] | null; oid: number }>(
    `select format('%s.%s', n.nspname, c.relname) as name, c.relkind, c.relrowsecurity as rls, c.reloptions as options, c.oid
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any ($1) and c.relkind in ('r', 'p', 'v', 'm', 'S') order by 1`,
    [schemas],
  );
  for (const rel of relations.rows) {
    const isSequence = rel.relkind === 'S';
    const privileges = isSequence ? SEQUENCE_PRIVILEGES : TABLE_PRIVILEGES;
    const granted: Record<string, string[]> = {};
    for (const role of ROLES) {
      const { rows } = await client.query<{ p: string }>(
        isSequence
          ? `select p from unnest($3::text[]) p where has_sequence_privilege($1, $2::oid, p)`
          : `select p from unnest($3::text[]) p where has_table_privilege($1, $2::oid, p)`,
        [role, rel.oid, privileges],
      );
      granted[role] = rows.map((r) => r.p);
    }
    // Column-level grants count too: a role with any column privilege can use the relation.
    if (!isSequence) {
      for (const role of ROLES) {
        const { rows } = await client.query<{ p: string }>(
          `select distinct p from pg_attribute a, unnest(array['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p
           where a.attrelid = $2::oid and a.attnum > 0 and not a.attisdropped and has_column_privilege($1, $2::oid, a.attnum, p)`,
          [role, rel.oid],
        );
        for (const { p } of rows) if (!granted[role]!.includes(p)) granted[role]!.push(`${p} (columns)`);
      }
    }
    if (granted.anon!.length === 0 && granted.authenticated!.length === 0) continue;
    const kinds: Record<string, ExposedObject['kind']> = { r: 'table', p: 'table', v: 'view', m: 'materialized view', S: 'sequence' };
    const kind = kinds[rel.relkind]!;
    const object: ExposedObject = { kind, authenticated: granted.authenticated!.sort(), anon: granted.anon!.sort() };
    if (kind === 'table') {
      object.rls = rel.rls;
      const { rows } = await client.query<{ policy: string }>(
        `select format('%s to %s "%s"', p.cmd, array_to_string(p.roles, ','), p.policyname) as policy from pg_policies p
         where format('%s.%s', p.schemaname, p.tablename) = $1 order by 1`,
        [rel.name],
      );
      object.policies = rows.map((r) => r.policy);
    }
    if (kind === 'view') object.security_invoker = (rel.options ?? []).some((o) => /^security_invoker=(true|on|1)$/i.test(o));
    objects[rel.name] = object;
  }

  const functions = await client.query<{ name: string; definer: boolean; anon: boolean; authenticated: boolean }>(
    `select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as name, p.prosecdef as definer,
            has_function_privilege('anon', p.oid, 'EXECUTE') as anon, has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = any ($1) and p.prokind in ('f', 'p', 'a', 'w') order by 1`,
    [schemas],
  );
  for (const fn of functions.rows) {
    if (!fn.anon && !fn.authenticated) continue;
    objects[fn.name] = {
      kind: 'function',
      authenticated: fn.authenticated ? ['EXECUTE'] : [],
      anon: fn.anon ? ['EXECUTE'] : [],
      security_definer: fn.definer,
    };
  }
  return objects;
}

/** One line per object, for a matrix people read and review in diffs. */
export function summarise(object: ExposedObject): string {
  const parts: string[] = [object.kind];
  if (object.rls !== undefined) parts.push(object.rls ? 'RLS' : 'NO RLS');
  if (object.security_invoker !== undefined) parts.push(object.security_invoker ? 'security invoker' : 'SECURITY DEFINER VIEW');
  if (object.security_definer) parts.push('security definer');
  parts.push(`authenticated: ${object.authenticated.join(' ') || 'nothing'}`);
  if (object.anon.length > 0) parts.push(`ANON: ${object.anon.join(' ')}`);
  if (object.policies) parts.push(`policies: ${object.policies.join('; ') || 'none'}`);
  return parts.join(', ');
}
