import type { OpportunityFacts } from '../pipeline/facts';
import type { AnyRecord } from '../schemas/record-kinds';
import type { LocalIdentity } from '../schemas/outbox';
import type { ExportDocument, ImportReport } from '../store/export-import';
import type { AccountDetail, DashboardLists, RecognitionInput } from '../store/reads';

/**
 * The value each data message answers with, when it succeeds. Types only:
 * this file is erased from every bundle, so the protocol can name the
 * store's shapes without content scripts carrying their schemas.
 */
export interface StoreValues {
  'store.put': AnyRecord;
  'store.delete': { deleted: boolean };
  'store.get': AnyRecord | null;
  'store.recognition-input': RecognitionInput;
  'store.account-detail': AccountDetail | null;
  'store.opportunity-facts': OpportunityFacts | null;
  'store.dashboard': DashboardLists;
  'store.export': ExportDocument;
  'store.import': ImportReport;
  'identity.get': LocalIdentity;
  'identity.set-name': LocalIdentity;
}

