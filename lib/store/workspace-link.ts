import { z } from 'zod';
import { Timestamp, Uuid } from '../schemas/common';
import type { SidecarDb } from './db';

/**
 * Which workspace this store belongs to, once a CSM has signed in and the
 * sync has connected it. Kept in `meta` beside the records, so the link and
 * the data it describes are cleared together on sign-out.
 *
 * - `organization_id`: stamped on new records (solo records keep `null`
 *   until connecting assigns them).
 * - `solo_uploaded_at`: when the solo records were handed to the outbox; a
 *   second connect finds it set and uploads nothing again.
 */
export const WorkspaceLink = z.strictObject({
  organization_id: Uuid,
  user_id: Uuid,
  email: z.string().max(320).nullable(),
  connected_at: Timestamp,
  solo_uploaded_at: Timestamp.nullable(),
});
export type WorkspaceLink = z.infer<typeof WorkspaceLink>;

const LINK_KEY = 'workspace-link';

export async function readWorkspaceLink(db: SidecarDb): Promise<WorkspaceLink | null> {
  const row = await db.meta.get(LINK_KEY);
  const parsed = WorkspaceLink.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeWorkspaceLink(db: SidecarDb, link: WorkspaceLink): Promise<void> {
  await db.meta.put({ key: LINK_KEY, value: WorkspaceLink.parse(link) });
}

export async function clearWorkspaceLink(db: SidecarDb): Promise<void> {
  await db.meta.delete(LINK_KEY);
}
