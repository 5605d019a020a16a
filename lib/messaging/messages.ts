import { z } from 'zod/mini';

/**
 * Every message Sidecar's contexts exchange, one schema each, with the schema
 * of its answer. Receivers validate with these; senders get typed answers.
 *
 * Naming: `<area>.<verb>`. Each message also names the receiver that handles
 * it, so a listener ignores messages meant for another context instead of
 * answering them by accident.
 */

export const DockToggle = z.strictObject({ type: z.literal('dock.toggle') });
export const DockSetOpen = z.strictObject({ type: z.literal('dock.set-open'), open: z.boolean() });
export const PanelSetOpen = z.strictObject({ type: z.literal('panel.set-open'), open: z.boolean() });

export const DockState = z.strictObject({ open: z.boolean() });

export const Message = z.discriminatedUnion('type', [DockToggle, DockSetOpen, PanelSetOpen]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** The answer schema of each message. */
export const responses = {
  'dock.toggle': DockState,
  'dock.set-open': DockState,
  'panel.set-open': DockState,
} satisfies Record<MessageType, z.ZodMiniType>;

export type ResponseOf<T extends MessageType> = z.infer<(typeof responses)[T]>;

/** The context that handles each message. */
export type Receiver = 'background' | 'content-script';

export const receivers: Record<MessageType, Receiver> = {
  'dock.toggle': 'content-script',
  'dock.set-open': 'content-script',
  'panel.set-open': 'background',
};
