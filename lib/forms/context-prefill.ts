import type { HostContext, Participant } from '../hosts/host-context';
import { dayOfInstant, localDay } from './form-values';

/**
 * What the open thread or event suggests for a form: the day it happened and
 * the account's stakeholders on it. Suggestions only: every one is editable.
 */
export interface ContextSuggestions {
  /** The event's day, or today for a thread. */
  day: string;
  /** Ids of the given stakeholders whose address is on the thread or event. */
  stakeholder_ids: string[];
  /** The subject or event title, for a summary to start from. */
  title: string;
}

export function suggestionsFrom(context: HostContext | undefined, stakeholders: readonly { id: string; email: string | null }[], now = new Date()): ContextSuggestions {
  const emails = new Set((context?.participants ?? []).map((p) => p.email.toLowerCase()));
  return {
    day: dayOfInstant(context?.start) ?? localDay(now),
    stakeholder_ids: stakeholders.filter((s) => s.email !== null && emails.has(s.email.toLowerCase())).map((s) => s.id),
    title: context?.title ?? '',
  };
}

/** A participant as a new stakeholder: the name the host shows, and the address. */
export function stakeholderPrefill(participant: Pick<Participant, 'email' | 'name'>): { name: string; email: string } {
  return { name: participant.name?.trim() || '', email: participant.email.toLowerCase() };
}
