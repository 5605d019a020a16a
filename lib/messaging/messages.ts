import { z } from 'zod/mini';
import { HostContext, HostReadFailure } from '../hosts/host-context';
import type { DataMessage, StoreResult } from './store-messages';
import type { StoreValues } from './store-values';
import type { AdminMessage, AdminMessageType, AdminResult } from './admin-messages';
import type { AdminValues } from '../admin/admin-values';

/**
 * Every message Sidecar's contexts exchange, one schema each, with the schema
 * of its answer. Receivers validate with these; senders get typed answers.
 *
 * Naming: `<area>.<verb>`. Each message also names the receiver that handles
 * it, so a listener ignores messages meant for another context instead of
 * answering them by accident.
 *
 * `zod/mini`: this module is part of every content script, which has a size
 * budget (see ARCHITECTURE.md). For the same reason it holds the schemas of
 * the core messages only (dock, panel, host context). The data messages'
 * schemas live in store-messages.ts, which content scripts never import:
 * the background and the pages use `fullProtocol` (full-protocol.ts).
 */

/** What a host adapter read: a context, or the typed reason it could not. */
export const ReadResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), context: HostContext }),
  z.strictObject({ ok: z.literal(false), failure: HostReadFailure }),
]);
export type ReadResult = z.infer<typeof ReadResult>;

/** The context last read in a tab, as the background keeps it for that tab's panel. */
export const TabContext = z.strictObject({
  result: ReadResult,
  /** When the content script read it (epoch ms), to order updates. */
  readAt: z.number(),
});
export type TabContext = z.infer<typeof TabContext>;

export const DockToggle = z.strictObject({ type: z.literal('dock.toggle') });
export const DockSetOpen = z.strictObject({ type: z.literal('dock.set-open'), open: z.boolean() });
export const PanelSetOpen = z.strictObject({ type: z.literal('panel.set-open'), open: z.boolean() });
export const HostContextReport = z.strictObject({ type: z.literal('host.context'), result: ReadResult, readAt: z.number() });
export const PanelGetContext = z.strictObject({ type: z.literal('panel.get-context') });

export const DockState = z.strictObject({ open: z.boolean() });
export const Accepted = z.strictObject({ accepted: z.boolean() });
export const PanelContext = z.strictObject({ tabId: z.number(), context: z.nullable(TabContext) });
export type PanelContext = z.infer<typeof PanelContext>;

/** The messages content scripts send or receive. */
export const CoreMessage = z.discriminatedUnion('type', [DockToggle, DockSetOpen, PanelSetOpen, HostContextReport, PanelGetContext]);
export type CoreMessage = z.infer<typeof CoreMessage>;
export type CoreMessageType = CoreMessage['type'];

/** Every message of the protocol. */
export type Message = CoreMessage | DataMessage | AdminMessage;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** The answer schema of each core message. */
export const coreResponses = {
  'dock.toggle': DockState,
  'dock.set-open': DockState,
  'panel.set-open': DockState,
  'host.context': Accepted,
  'panel.get-context': PanelContext,
} satisfies Record<CoreMessageType, z.ZodMiniType>;

/**
 * The typed answer of each message. Data answers are checked as an envelope
 * (value or typed error) at the receiver; the value's type is that of the
 * background's store reads (`StoreValues`, a type-only import, so content
 * scripts do not bundle the schemas behind it).
 */
export type ResponseOf<T extends MessageType> = T extends keyof StoreValues
  ? StoreResult<StoreValues[T]>
  : T extends AdminMessageType
    ? AdminResult<AdminValues[T]>
  : T extends CoreMessageType
    ? z.infer<(typeof coreResponses)[T]>
    : never;

/** What a receiver validates with: the message union it knows, and each message's answer schema. */
export interface Protocol {
  message: z.ZodMiniType<Message>;
  responses: Partial<Record<MessageType, z.ZodMiniType>>;
}

/** The content scripts' protocol: core messages only. */
export const coreProtocol: Protocol = { message: CoreMessage, responses: coreResponses };

/** The context that handles each message. */
export type Receiver = 'background' | 'content-script';

export const receivers: Record<MessageType, Receiver> = {
  'dock.toggle': 'content-script',
  'dock.set-open': 'content-script',
  'panel.set-open': 'background',
  'host.context': 'background',
  'panel.get-context': 'background',
  'store.put': 'background',
  'store.delete': 'background',
  'store.get': 'background',
  'store.recognition-input': 'background',
  'store.account-detail': 'background',
  'store.opportunity-facts': 'background',
  'store.dashboard': 'background',
  'store.export': 'background',
  'store.import': 'background',
  'identity.get': 'background',
  'identity.set-name': 'background',
  'panel.recognise': 'background',
  'panel.choose-account': 'background',
  'panel.search-accounts': 'background',
  'workspace.get': 'background',
  'workspace.save': 'background',
  'auth.send-code': 'background',
  'auth.verify-code': 'background',
  'auth.google': 'background',
  'auth.sign-out': 'background',
  'org.create': 'background',
  'sync.state': 'background',
  'sync.now': 'background',
  'sync.discard-failed': 'background',
  'sync.retry-failed': 'background',
  'admin.overview': 'background',
  'admin.update-settings': 'background',
  'admin.set-domains': 'background',
  'admin.invite': 'background',
  'admin.set-role': 'background',
  'admin.remove-member': 'background',
  'admin.import-plan': 'background',
  'admin.import-apply': 'background',
  'dashboard.take-snapshot': 'background',
};
