import type pg from 'pg';

export interface PulledRow {
  cursor: string;
  table_name: string;
  record_id: string;
  deleted: boolean;
  record: Record<string, unknown> | null;
}

/** Follows `pull_changes` from `since` until a short page: what a client syncs. */
export async function pullAll(client: pg.ClientBase, organizationId: string, since: string | null = null, pageSize = 500): Promise<PulledRow[]> {
  const rows: PulledRow[] = [];
  let cursor = since;
  for (;;) {
    const page = await client.query<PulledRow>('select * from public.pull_changes($1, $2, $3)', [organizationId, cursor, pageSize]);
    rows.push(...page.rows);
    if (page.rows.length < pageSize) return rows;
    cursor = page.rows[page.rows.length - 1]!.cursor;
  }
}

/** The latest state of each row after applying the pulled changes in order. */
export function applyChanges(rows: readonly PulledRow[]): Map<string, Map<string, Record<string, unknown>>> {
  const tables = new Map<string, Map<string, Record<string, unknown>>>();
  for (const row of rows) {
    let table = tables.get(row.table_name);
    if (!table) tables.set(row.table_name, (table = new Map()));
    if (row.deleted) table.delete(row.record_id);
    else table.set(row.record_id, row.record!);
  }
  return tables;
}
