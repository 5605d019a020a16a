import { postgrestError } from './errors';

/**
 * PostgREST's URL grammar, the subset Sidecar's reads use:
 * `select=a,b`, `col=op.value` with eq, neq, gt, gte, lt, lte, like, ilike,
 * is (null, true, false) and in.(a,b), `order=col.asc|desc[.nullsfirst|.nullslast]`,
 * `limit`, `offset`. Values travel as query parameters, never as SQL text.
 */
export interface ReadQuery {
  columns: string[] | '*';
  filters: { column: string; op: string; values: string[]; negate: boolean }[];
  order: { column: string; descending: boolean; nulls?: 'first' | 'last' }[];
  limit?: number;
  offset?: number;
}

const OPERATORS: Record<string, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike' };
const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function parseReadQuery(params: URLSearchParams): ReadQuery {
  const select = params.get('select');
  const query: ReadQuery = { columns: !select || select === '*' ? '*' : select.split(',').map((c) => identifier(c.trim())), filters: [], order: [] };
  for (const [key, raw] of params) {
    if (RESERVED.has(key)) continue;
    const column = identifier(key);
    let rest = raw;
    let negate = false;
    if (rest.startsWith('not.')) {
      negate = true;
      rest = rest.slice(4);
    }
    const dot = rest.indexOf('.');
    const op = dot < 0 ? rest : rest.slice(0, dot);
    const value = dot < 0 ? '' : rest.slice(dot + 1);
    if (op === 'in') {
      const list = /^\((.*)\)$/.exec(value)?.[1];
      if (list === undefined) throw postgrestError(400, 'PGRST100', `"failed to parse filter (${raw})" (line 1, column 1)`);
      query.filters.push({ column, op, values: list === '' ? [] : list.split(',').map(unquote), negate });
    } else if (op === 'is') {
      if (!['null', 'true', 'false'].includes(value)) throw postgrestError(400, 'PGRST100', `"failed to parse filter (${raw})"`);
      query.filters.push({ column, op, values: [value], negate });
    } else if (OPERATORS[op]) {
      query.filters.push({ column, op, values: [op === 'like' || op === 'ilike' ? value.replaceAll('*', '%') : value], negate });
    } else {
      throw postgrestError(400, 'PGRST100', `"failed to parse filter (${raw})" (line 1, column 1)`);
    }
  }
  const order = params.get('order');
  if (order) {
    for (const term of order.split(',')) {
      const [column, ...modifiers] = term.split('.');
      query.order.push({
        column: identifier(column ?? ''),
        descending: modifiers.includes('desc'),
        ...(modifiers.includes('nullsfirst') ? { nulls: 'first' as const } : modifiers.includes('nullslast') ? { nulls: 'last' as const } : {}),
      });
    }
  }
  const limit = params.get('limit');
  const offset = params.get('offset');
  if (limit !== null) query.limit = nonNegativeInt(limit);
  if (offset !== null) query.offset = nonNegativeInt(offset);
  return query;
}

/** SQL for the query over one relation of `public`, with `$n` parameters. */
export function readSql(relation: string, query: ReadQuery): { sql: string; params: string[] } {
  const params: string[] = [];
  const param = (value: string) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = query.filters.map(({ column, op, values, negate }) => {
    const col = quote(column);
    let clause: string;
    if (op === 'in') clause = values.length === 0 ? 'false' : `${col} in (${values.map(param).join(', ')})`;
    else if (op === 'is') clause = `${col} is ${values[0]}`;
    else clause = `${col} ${OPERATORS[op]} ${param(values[0] ?? '')}`;
    return negate ? `not (${clause})` : clause;
  });
  const columns = query.columns === '*' ? '*' : query.columns.map(quote).join(', ');
  const order = query.order.map((o) => `${quote(o.column)} ${o.descending ? 'desc' : 'asc'}${o.nulls ? ` nulls ${o.nulls}` : ''}`);
  const sql = [
    `select ${columns} from public.${quote(relation)}`,
    where.length ? `where ${where.join(' and ')}` : '',
    order.length ? `order by ${order.join(', ')}` : '',
    query.limit !== undefined ? `limit ${query.limit}` : '',
    query.offset !== undefined ? `offset ${query.offset}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { sql, params };
}

export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw postgrestError(400, 'PGRST100', `"failed to parse ${JSON.stringify(name)}"`);
  return name;
}

export function quote(name: string): string {
  return `"${identifier(name)}"`;
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw postgrestError(400, 'PGRST100', `"failed to parse limit/offset (${value})"`);
  return n;
}
