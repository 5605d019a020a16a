import { createHash } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { SupabaseDouble } from './supabase-double/server';

/** A seeded id, as supabase/seed.sql makes them (`md5('sidecar-seed:' || label)::uuid`). */
export function seedId(label: string): string {
  const hex = createHash('md5').update(`sidecar-seed:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const SEED_ORGANIZATION = seedId('organization');
export const SEED_CSMS = {
  marcus: { email: 'marcus.webb@brightpath-software.example', userId: seedId('user:csm1') },
  elena: { email: 'elena.sorensen@brightpath-software.example', userId: seedId('user:csm2') },
} as const;

export function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

/**
 * Signs `email` in with a one-time code read from the double's outbox, on a
 * client that talks to `url` (the double, or a proxy in front of it).
 */
export async function signInWithCode(double: SupabaseDouble, url: string, email: string, fetchImpl?: typeof fetch): Promise<SupabaseClient> {
  const client = createClient(url, double.anonKey, {
    auth: { persistSession: true, autoRefreshToken: false, storage: memoryStorage() },
    ...(fetchImpl ? { global: { fetch: fetchImpl } } : {}),
  });
  const sent = await client.auth.signInWithOtp({ email });
  if (sent.error) throw sent.error;
  const code = double.auth.sentCodes.get(email)?.at(-1) ?? '';
  const verified = await client.auth.verifyOtp({ email, token: code, type: 'email' });
  if (verified.error) throw verified.error;
  return client;
}
