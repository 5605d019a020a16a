import { askStore } from '@/lib/messaging/ask-store';
import type { RecordKind } from '@/lib/messaging/record-kinds';
import type { SaveDraft } from './use-quick-log-form';

/** Saves a draft of `kind` through the background's store, which validates and stamps it again. */
export function putDraft<D>(kind: RecordKind): SaveDraft<D> {
  return (draft) => askStore({ type: 'store.put', kind, record: draft });
}
