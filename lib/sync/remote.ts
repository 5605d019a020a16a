import type { SupabaseClient } from '@supabase/supabase-js';
import type { RemoteFailure } from './errors';

/**
 * The one port the sync engine talks to the workspace through: an RPC call
 * and a session refresh. In the extension it is supabase-js over the
 * background's session (lib/sync/session.ts); in tests, the same client
 * pointed at the Supabase test double, possibly through a faulty proxy.
 */
export interface SyncRemote {
  /** Calls one RPC; never throws for a failed call, it answers `{ ok: false, failure }`. */
  call(fn: string, args: Record<string, unknown>): Promise<RemoteAnswer>;
  /** Refreshes the session's tokens; `false` when it cannot (signed out, network down). */
  refreshSession(): Promise<boolean>;
}

export type RemoteAnswer = { ok: true; data: unknown } | { ok: false; failure: RemoteFailure };

/** The port over a supabase-js client. */
export function supabaseRemote(client: SupabaseClient): SyncRemote {
  return {
    async call(fn, args) {
      try {
        const { data, error, status } = await client.rpc(fn, args);
        if (!error) return { ok: true, data };
        return { ok: false, failure: { status: status ?? 0, code: error.code || null, message: error.message } };
      } catch (error) {
        return { ok: false, failure: { status: 0, code: null, message: error instanceof Error ? error.message : String(error) } };
      }
    },
    async refreshSession() {
      try {
        const { data, error } = await client.auth.refreshSession();
        return !error && data.session !== null;
      } catch {
        return false;
      }
    },
  };
}

/**
 * `fetch` with a deadline: a request the network swallows (a captive portal,
 * a dead hotel Wi-Fi) fails after `timeoutMs` instead of holding the worker.
 */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return base(input, { ...init, signal });
  };
}
