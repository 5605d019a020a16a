/**
 * What to do about a failed call to the workspace. The answer decides whether
 * an outbox entry is tried again or kept as failed for the CSM:
 *
 * - `retry`: the network, a timeout, the server (5xx), a deadlock (`40P01`)
 *   or serialization failure: the same call may well succeed later;
 * - `refresh`: the session's token was refused (401): refresh once, then retry;
 * - `permanent`: the server refused the write itself (a stable `SC…` code of
 *   supabase/API.md, or any other 4xx): retrying the same payload cannot help,
 *   so the entry keeps the server's message until the CSM fixes or discards it.
 */
export type FailureKind = 'retry' | 'refresh' | 'permanent';

/** A failed answer as supabase-js reports it: `status` 0 when no HTTP answer came. */
export interface RemoteFailure {
  status: number;
  code: string | null;
  message: string;
}

const RETRY_CODES = new Set(['40P01', '40001', '57014', '53300', 'PGRST000', 'PGRST001', 'PGRST002']);
const REFRESH_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303']);

export function classifyFailure(failure: RemoteFailure): FailureKind {
  if (failure.status === 0) return 'retry';
  if (failure.status === 401 || (failure.code !== null && REFRESH_CODES.has(failure.code))) return 'refresh';
  if (failure.code !== null && RETRY_CODES.has(failure.code)) return 'retry';
  if (failure.status >= 500 || failure.status === 408 || failure.status === 429) return 'retry';
  return 'permanent';
}

/** The server's message as the panel shows it: one sentence, with the stable code when there is one. */
export function describeFailure(failure: RemoteFailure): string {
  const text = failure.message.trim() || `The workspace answered ${failure.status}.`;
  return text.slice(0, 2000);
}
