import { LocalIdentity } from '../schemas/outbox';
import type { SidecarDb } from './db';

/**
 * Solo mode's author: a UUID made on first use and kept in the store, so
 * every record says who wrote it (`created_by`) before any workspace or
 * sign-in exists. It travels with an export. When a workspace is joined, the
 * sync maps it to the member's user id.
 */
const IDENTITY_KEY = 'identity';

/** The identity, created if this store has none yet. Call inside a write transaction that includes `meta`. */
export async function ensureIdentity(db: SidecarDb): Promise<LocalIdentity> {
  const existing = await readIdentity(db);
  if (existing) return existing;
  const identity: LocalIdentity = { author_id: crypto.randomUUID(), display_name: null };
  await db.meta.put({ key: IDENTITY_KEY, value: identity });
  return identity;
}

export async function readIdentity(db: SidecarDb): Promise<LocalIdentity | null> {
  const row = await db.meta.get(IDENTITY_KEY);
  const parsed = LocalIdentity.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeIdentity(db: SidecarDb, identity: LocalIdentity): Promise<void> {
  await db.meta.put({ key: IDENTITY_KEY, value: LocalIdentity.parse(identity) });
}

export async function setDisplayName(db: SidecarDb, displayName: string | null): Promise<LocalIdentity> {
  return db.transaction('rw', db.meta, async () => {
    const identity = await ensureIdentity(db);
    const trimmed = displayName?.trim() || null;
    const updated = { ...identity, display_name: trimmed };
    await writeIdentity(db, updated);
    return updated;
  });
}
