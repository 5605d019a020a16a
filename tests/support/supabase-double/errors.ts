/**
 * PostgREST's error body and status codes, for the errors the test double can
 * produce. Status mapping follows PostgREST's documented table
 * (docs.postgrest.org, "Errors"): SQLSTATE classes map to HTTP statuses, a
 * custom `PTnnn` code sets the status directly, anything else is 400.
 */
export interface PostgrestErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: PostgrestErrorBody,
  ) {
    super(body.message);
  }
}

export function postgrestError(status: number, code: string, message: string, details: string | null = null, hint: string | null = null): HttpError {
  return new HttpError(status, { code, message, details, hint });
}

interface PgErrorLike {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

/** Maps an error raised by PostgreSQL to PostgREST's answer. `anonymous`: no user JWT was sent. */
export function fromPgError(error: PgErrorLike, anonymous: boolean): HttpError {
  const code = error.code ?? 'XX000';
  return new HttpError(statusForSqlState(code, anonymous), {
    code,
    message: error.message,
    details: error.detail ?? null,
    hint: error.hint ?? null,
  });
}

/** PostgREST's SQLSTATE → HTTP status table. */
export function statusForSqlState(code: string, anonymous: boolean): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  const exact: Record<string, number> = { '23503': 409, '23505': 409, '25006': 405, '42883': 404, '42P01': 404, P0001: 400 };
  if (code === '42501') return anonymous ? 401 : 403;
  if (exact[code] !== undefined) return exact[code];
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500, '3B': 500,
    '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}
