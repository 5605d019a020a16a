import { createHash } from 'node:crypto';

/** The deterministic ids of supabase/seed.sql: md5('sidecar-seed:' || label)::uuid. */
export function seedId(label: string): string {
  const hex = createHash('md5').update(`sidecar-seed:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
