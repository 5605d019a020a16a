import type { AdminError, AdminResult } from '../messaging/admin-messages';

/**
 * Turns what supabase-js reports into the admin page's errors. A refusal by
 * the database (an `SC…` code of supabase/API.md, or Postgres' `42501`)
 * keeps the server's code and its sentence; anything else is "could not
 * reach", with what is known.
 */
export interface ServerError {
  code?: string | null;
  message?: string | null;
  details?: string | null;
}

export function adminError(code: AdminError['code'], message: string, field: string | null = null, serverCode: string | null = null): { ok: false; error: AdminError } {
  return { ok: false, error: { code, message, field, server_code: serverCode } };
}

export function fromServer(error: ServerError): { ok: false; error: AdminError } {
  const code = error.code || null;
  const field = fieldOf(error.details);
  if (code && (code.startsWith('SC') || code === '42501')) {
    const message = code === '42501' ? 'The workspace refused this: your role does not allow it.' : sentence(error.message, 'The workspace refused this.');
    return adminError('refused', message, field, code);
  }
  return adminError('unreachable', `The workspace could not do this just now${error.message ? ` (${error.message})` : ''}. Try again.`, field, code);
}

export function ok<T>(value: T): AdminResult<T> {
  return { ok: true, value };
}

function fieldOf(details: string | null | undefined): string | null {
  if (!details) return null;
  try {
    const parsed = JSON.parse(details) as { field?: unknown };
    return typeof parsed.field === 'string' ? parsed.field : null;
  } catch {
    return null;
  }
}

function sentence(text: string | null | undefined, fallback: string): string {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? fallback : trimmed;
}
