import { EMAIL_PATTERN, type Participant, type ParticipantRole, type Response } from './host-context';

/**
 * Small DOM readers the three adapters share. They read attributes and short
 * header text only; nothing here walks into a message body.
 */

export function toUrl(url: URL | string): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** An element's text with runs of whitespace collapsed; `undefined` when empty. */
export function textOf(node: Element | null | undefined): string | undefined {
  const text = node?.textContent?.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

const EMAIL_IN_TEXT = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/;

/** The first e-mail address inside a string (an attribute or a label such as "Ada <ada@x.io>"), lower-cased. */
export function emailIn(value: string | null | undefined): string | undefined {
  const match = value?.match(EMAIL_IN_TEXT)?.[0].toLowerCase();
  return match && EMAIL_PATTERN.test(match) ? match : undefined;
}

/**
 * Participants in page order, each address once per role: a thread shows the
 * same person on every message, and the panel wants people, not repetitions.
 * A later sighting may add a name the first one lacked.
 */
export interface ParticipantList {
  add(email: string | undefined, role: ParticipantRole, name?: string, response?: Response): void;
  readonly all: Participant[];
}

export function participantList(): ParticipantList {
  const byKey = new Map<string, Participant>();
  return {
    add(email, role, name, response) {
      if (!email) return;
      const known = byKey.get(role + email);
      if (known) {
        known.name ??= cleanName(name, email);
        return;
      }
      const participant: Participant = { email, role };
      const cleaned = cleanName(name, email);
      if (cleaned) participant.name = cleaned;
      if (response) participant.response = response;
      byKey.set(role + email, participant);
    },
    get all() {
      return [...byKey.values()];
    },
  };
}

/** A name that is just the address again (or empty) says nothing. */
function cleanName(name: string | undefined, email: string): string | undefined {
  const trimmed = name?.replace(/\s*<[^>]*>\s*/, '').trim();
  return trimmed && trimmed.toLowerCase() !== email ? trimmed : undefined;
}

/**
 * The signed-in Google account (Gmail, Calendar): the account button links to
 * accounts.google.com/SignOutOptions and names the address in its label, in
 * every UI language, e.g. "Google Account: Ada Lovelace (ada@x.io)".
 */
export function googleAccountAddress(root: ParentNode): string | undefined {
  return emailIn(root.querySelector('a[href^="https://accounts.google.com/SignOutOptions"]')?.getAttribute('aria-label'));
}
