import { createClient, type SupabaseClient, type SupportedStorage } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import { fetchWithTimeout } from './remote';
import type { WorkspaceSettings } from './workspace-settings';

/**
 * The background's Supabase client. The session lives in the extension's
 * own `storage.local` (never the host page's storage, which its scripts
 * could read), so it survives restarts and a stopped worker; supabase-js
 * refreshes it before expiry and on start. Only the background imports this
 * file: content scripts never hold a token.
 */
const SESSION_PREFIX = 'sidecar.session.';

export const extensionStorage: SupportedStorage = {
  async getItem(key) {
    const value = (await browser.storage.local.get(SESSION_PREFIX + key))[SESSION_PREFIX + key];
    return typeof value === 'string' ? value : null;
  },
  async setItem(key, value) {
    await browser.storage.local.set({ [SESSION_PREFIX + key]: value });
  },
  async removeItem(key) {
    await browser.storage.local.remove(SESSION_PREFIX + key);
  },
};

/** A request that gets no answer gives up after this long, so a dead network never holds the worker. */
const REQUEST_TIMEOUT_MS = 20_000;

let cached: { key: string; client: SupabaseClient } | undefined;

/** The client for these settings, made once per wake of the worker. */
export function workspaceClient(settings: WorkspaceSettings): SupabaseClient {
  const key = `${settings.url}|${settings.anon_key}`;
  if (cached?.key !== key) {
    cached = {
      key,
      client: createClient(settings.url, settings.anon_key, {
        auth: { storage: extensionStorage, persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, flowType: 'pkce' },
        global: { fetch: fetchWithTimeout(REQUEST_TIMEOUT_MS) },
      }),
    };
  }
  return cached.client;
}
