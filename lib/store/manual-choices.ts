import { ManualChoice, manualChoiceKey } from '../recognition/manual-choice';
import type { HostId } from '../hosts/supported-hosts';
import type { SidecarDb } from './db';

/**
 * The CSM's manual answers to "which account is this about?", one per host
 * and thread or event, kept in `meta` under `manual-choice:<host>:<item>`.
 *
 * In `meta` rather than a record table: a choice is this browser's reading
 * aid, not evidence the team shares, so it owes no outbox entry and changes
 * no Dexie layout. It is validated on the way in and on the way out; a row
 * that no longer fits is ignored, never trusted.
 */
const PREFIX = 'manual-choice:';

export async function readManualChoice(db: SidecarDb, host: HostId, itemId: string): Promise<ManualChoice | null> {
  const row = await db.meta.get(PREFIX + manualChoiceKey(host, itemId));
  const parsed = ManualChoice.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeManualChoice(db: SidecarDb, choice: ManualChoice): Promise<ManualChoice> {
  const valid = ManualChoice.parse(choice);
  await db.meta.put({ key: PREFIX + manualChoiceKey(valid.host, valid.item_id), value: valid });
  return valid;
}

export async function forgetManualChoice(db: SidecarDb, host: HostId, itemId: string): Promise<void> {
  await db.meta.delete(PREFIX + manualChoiceKey(host, itemId));
}
