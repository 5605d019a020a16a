import type { PersonOnContext } from '../context/participant-groups';
import type { Stakeholder } from '../schemas/stakeholder';

/** A person on the thread or event, with the stakeholder record their address maps to, if any. */
export interface ParticipantRowData {
  person: PersonOnContext;
  stakeholder: Stakeholder | null;
}

/** Pairs each person with the account's stakeholder of the same address (addresses compare lower-case). */
export function participantRows(people: readonly PersonOnContext[], stakeholders: readonly Stakeholder[]): ParticipantRowData[] {
  const byEmail = new Map<string, Stakeholder>();
  for (const stakeholder of stakeholders) if (stakeholder.email) byEmail.set(stakeholder.email.toLowerCase(), stakeholder);
  return people.map((person) => ({ person, stakeholder: byEmail.get(person.email.toLowerCase()) ?? null }));
}

/** What "add as stakeholder" is prefilled with: the name shown on the page, else the address's local part. */
export function stakeholderPrefill(person: PersonOnContext, accountId: string): { name: string; email: string; account_id: string } {
  const fallback = person.email.slice(0, person.email.lastIndexOf('@')) || person.email;
  return { name: person.name?.trim() || fallback, email: person.email.toLowerCase(), account_id: accountId };
}
