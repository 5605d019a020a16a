import type { OpportunityFacts } from '../pipeline/facts';
import type { AnyRecord } from '../schemas/record-kinds';
import type { LocalIdentity } from '../schemas/outbox';
import type { ExportDocument, ImportReport } from '../store/export-import';
import type { AccountDetail, DashboardLists, RecognitionInput } from '../store/reads';
import type { ManualChoice } from '../recognition/manual-choice';
import type { AccountMatch, PanelRecognition } from '../background/panel-recognition';
import type { SnapshotTaken } from '../dashboard-data/loaded';
import type { SignOutAnswer, SyncStateView, WorkspaceView } from '../sync/sync-view';

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
  'panel.recognise': PanelRecognition;
  'panel.choose-account': { choice: ManualChoice | null };
  'panel.search-accounts': { accounts: AccountMatch[] };
  'workspace.get': WorkspaceView;
  'workspace.save': WorkspaceView;
  'auth.send-code': { sent_to: string };
  'auth.verify-code': SyncStateView;
  'auth.google': SyncStateView;
  'auth.sign-out': SignOutAnswer;
  'org.create': SyncStateView;
  'sync.state': SyncStateView;
  'sync.now': SyncStateView;
  'sync.discard-failed': SyncStateView;
  'sync.retry-failed': SyncStateView;
  'dashboard.take-snapshot': SnapshotTaken;
}

