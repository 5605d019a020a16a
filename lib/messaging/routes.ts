import type { MessageType } from './messages';
import type { SenderKind } from './sender';

/**
 * Which senders may deliver each message: the one table to read when asking
 * "can a content script (or the host page) make Sidecar do X?".
 */
export const allowedSenders: Record<MessageType, readonly SenderKind[]> = {
  // The background forwards the toolbar shortcut and the panel's own buttons.
  'dock.toggle': ['extension'],
  'dock.set-open': ['extension'],
  // Only the panel frame (an extension page inside the tab) opens or closes its dock.
  'panel.set-open': ['extension'],
  // Only our content script, in the top frame of a supported host, reports what the page shows.
  'host.context': ['host-content-script'],
  // The panel frame asks for its own tab's context; the tab comes from the sender.
  'panel.get-context': ['extension'],
  // The local store answers Sidecar's own pages only: a content script runs
  // beside the host page's scripts and never reads or writes records.
  'store.put': ['extension'],
  'store.delete': ['extension'],
  'store.get': ['extension'],
  'store.recognition-input': ['extension'],
  'store.account-detail': ['extension'],
  'store.opportunity-facts': ['extension'],
  'store.dashboard': ['extension'],
  'store.export': ['extension'],
  'store.import': ['extension'],
  'identity.get': ['extension'],
  'identity.set-name': ['extension'],
  // The panel frame asks about, and chooses for, its own tab's thread or event
  // (the tab comes from the sender); the host page never reaches these.
  'panel.recognise': ['extension'],
  'panel.choose-account': ['extension'],
  'panel.search-accounts': ['extension'],
  // The workspace, the session and the sync: Sidecar's own pages only (options,
  // popup, the panel's status line). The host page never learns who is signed
  // in, and a content script cannot sign anyone out or discard their writes.
  'workspace.get': ['extension'],
  'workspace.save': ['extension'],
  'auth.send-code': ['extension'],
  'auth.verify-code': ['extension'],
  'auth.google': ['extension'],
  'auth.sign-out': ['extension'],
  'org.create': ['extension'],
  'sync.state': ['extension'],
  'sync.now': ['extension'],
  'sync.discard-failed': ['extension'],
  'sync.retry-failed': ['extension'],
  // The admin page (an extension page). The database decides who may change
  // what; no content script or host page can reach these at all.
  'admin.overview': ['extension'],
  'admin.update-settings': ['extension'],
  'admin.set-domains': ['extension'],
  'admin.invite': ['extension'],
  'admin.set-role': ['extension'],
  'admin.remove-member': ['extension'],
  'admin.import-plan': ['extension'],
  'admin.import-apply': ['extension'],
  // The dashboard page takes the forecast snapshot (its data comes over its own port); never a content script.
  'dashboard.take-snapshot': ['extension'],
};
