import type { Frame, Page } from '@playwright/test';
import type { HostId } from '../../../lib/hosts/supported-hosts';

/** The panel frame of a host page, once it has loaded. */
export async function panelFrame(page: Page, host: HostId): Promise<Frame> {
  const element = page.locator(`iframe[data-sidecar-panel="${host}"]`);
  await element.waitFor();
  const frame = await (await element.elementHandle())?.contentFrame();
  if (!frame) throw new Error('the panel frame has no document');
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/**
 * Sends a message from inside the panel frame, as the panel's own code does
 * (`frame.evaluate` runs in the frame's page, an extension page), and
 * returns the background's answer.
 */
export async function askFromPanel(panel: Frame, message: object): Promise<unknown> {
  return panel.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Everything in the store, read through the protocol from the panel. */
export async function storeContents(panel: Frame): Promise<{ records: Record<string, { id: string }[]>; outbox: unknown[] }> {
  const answer = (await askFromPanel(panel, { type: 'store.export' })) as { ok: boolean; value: { records: Record<string, { id: string }[]>; outbox: unknown[] } };
  if (!answer?.ok) throw new Error(`store.export failed: ${JSON.stringify(answer)}`);
  // The export's own timestamp is not store contents.
  return { records: answer.value.records, outbox: answer.value.outbox };
}
