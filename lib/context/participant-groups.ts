import type { HostContext, Participant } from '../hosts/host-context';

/**
 * The people on a thread or event, grouped the way a CSM scans them:
 * customers (external) first, colleagues (internal) apart, each person once.
 *
 * "Internal" means the signed-in user's own domain, or one of the
 * organization's own domains once a workspace supplies them. A subdomain
 * (`eu.vendor.example`) counts as the same domain.
 */
export interface PersonOnContext {
  email: string;
  name?: string;
  /** Every role the person has here, in the order first seen (e.g. from, cc). */
  roles: Participant['role'][];
  response?: Participant['response'];
}

export interface ParticipantGroups {
  external: PersonOnContext[];
  internal: PersonOnContext[];
}

export function groupParticipants(context: HostContext, ownDomains: readonly string[] = []): ParticipantGroups {
  const own = new Set(ownDomains.map((d) => d.toLowerCase()));
  const selfDomain = context.self ? domainOf(context.self) : undefined;
  if (selfDomain) own.add(selfDomain);

  const people = new Map<string, PersonOnContext>();
  for (const p of context.participants) {
    const email = p.email.toLowerCase();
    const person = people.get(email);
    if (!person) {
      people.set(email, { email, ...(p.name ? { name: p.name } : {}), roles: [p.role], ...(p.response ? { response: p.response } : {}) });
      continue;
    }
    if (!person.roles.includes(p.role)) person.roles.push(p.role);
    if (!person.name && p.name) person.name = p.name;
    if (!person.response && p.response) person.response = p.response;
  }

  const groups: ParticipantGroups = { external: [], internal: [] };
  for (const person of people.values()) {
    (isOwn(domainOf(person.email), own) ? groups.internal : groups.external).push(person);
  }
  return groups;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function isOwn(domain: string, own: ReadonlySet<string>): boolean {
  for (const d of own) if (domain === d || domain.endsWith(`.${d}`)) return true;
  return false;
}
