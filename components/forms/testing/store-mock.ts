import { vi } from 'vitest';
import { askStore } from '@/lib/messaging/ask-store';
import type { StoreError } from '@/lib/messaging/store-messages';

/**
 * The form tests replace `askStore` (vi.mock in each test file): these set
 * its next answer and read what was sent.
 */
export const mockedAskStore = vi.mocked(askStore);

/** The store accepts and stamps, as the background would: the record comes back with its stamps. */
export function storeAccepts() {
  mockedAskStore.mockImplementation(async (message) => {
    const record = (message as { record: Record<string, unknown> }).record;
    const now = new Date().toISOString();
    return { ok: true, value: { ...record, organization_id: null, created_by: '33333333-3333-4333-8333-333333333333', created_at: now, updated_at: now } } as never;
  });
}

export function storeRefuses(error: StoreError) {
  mockedAskStore.mockResolvedValue({ ok: false, error } as never);
}

/** The record of the last `store.put`. */
export function lastPut(): { kind: string; record: Record<string, unknown> } {
  const call = mockedAskStore.mock.calls.at(-1);
  if (!call) throw new Error('nothing was saved');
  return call[0] as never;
}
