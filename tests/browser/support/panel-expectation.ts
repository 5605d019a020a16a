import type { ReadResult } from '../../../lib/hosts/host-context';
import { HOST_ADAPTERS } from '../../../lib/hosts/registry';
import type { HostId } from '../../../lib/hosts/supported-hosts';

/**
 * What the panel must show for a read result: the open thread or event
 * (its heading and exactly its people), the "nothing open" state, or the
 * one line saying Sidecar cannot read this view. Nothing else (a spinner
 * that never ends, a blank frame, a stale context) is acceptable.
 *
 * This module is bundled into host pages (see `adapter-in-page.ts`), so it
 * imports nothing that needs Node.
 */
export type PanelExpectation =
  | { state: 'context'; heading: string; emails: string[] }
  | { state: 'idle' }
  | { state: 'cannot-read' };

export function expectationFor(result: ReadResult): PanelExpectation {
  if (!result.ok) return { state: 'cannot-read' };
  const context = result.context;
  if (context.view === 'none') return { state: 'idle' };
  const emails = [...new Set(context.participants.map((p) => p.email.toLowerCase()))].sort();
  return { state: 'context', heading: context.title || '(no subject)', emails };
}

/** Reads the page as the content script's watcher does: a throwing read counts as a failure, as the watcher makes it. */
export function expectationOfPage(host: HostId): PanelExpectation {
  try {
    return expectationFor(HOST_ADAPTERS[host].read(document, location.href));
  } catch {
    return { state: 'cannot-read' };
  }
}
