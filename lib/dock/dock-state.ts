import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { HOST_IDS, type HostId } from '../hosts/supported-hosts';

/**
 * Whether the panel is open, remembered per host: a CSM may want it open
 * beside Gmail but tucked away in Calendar. Missing hosts fall back to open,
 * so a fresh install shows the panel once and the CSM decides.
 *
 * Plain `storage.local` rather than WXT's storage helper: this runs in every
 * content script, and the helper would add a third of the size budget.
 */
export const DOCK_OPEN_KEY = 'dock-open-by-host';

const DockOpenByHost = z.partialRecord(z.enum(HOST_IDS), z.boolean());
type DockOpenByHost = z.infer<typeof DockOpenByHost>;

const DEFAULT_OPEN = true;

async function readAll(): Promise<DockOpenByHost> {
  const stored = await browser.storage.local.get(DOCK_OPEN_KEY);
  // Storage is a boundary: a value written by another version (or edited by
  // hand) that does not parse is treated as "nothing remembered".
  const parsed = DockOpenByHost.safeParse(stored[DOCK_OPEN_KEY]);
  return parsed.success ? parsed.data : {};
}

export async function readDockOpen(host: HostId): Promise<boolean> {
  return (await readAll())[host] ?? DEFAULT_OPEN;
}

export async function writeDockOpen(host: HostId, open: boolean): Promise<void> {
  const all = await readAll();
  await browser.storage.local.set({ [DOCK_OPEN_KEY]: { ...all, [host]: open } });
}
