import type { ParticipantRole } from './input';

/**
 * How much each signal counts. The rules, in the order they are guaranteed:
 *
 * 1. An exact stakeholder address outranks any number of domain matches, and
 *    any address signal outranks any number of title matches. The tiers do not
 *    overlap: within a kind, signals add up with diminishing returns (the
 *    strongest counts fully, the next half, the next a quarter…), so a kind's
 *    total stays below twice its strongest signal, and each tier's weakest
 *    single signal is set above the tier below's ceiling:
 *      stakeholder ≥ 100 × 0.5 (cc) × 0.5 (internal) = 25
 *      domain      < 2 × 10 = 20, and ≥ 10 × 0.5 (cc) = 5
 *      title       < 2 × 1 = 2
 * 2. Within a kind, the sender and organizer weigh most, direct recipients and
 *    attendees next, cc least.
 * 3. External participants weigh more than internal ones (internal: the
 *    organization's own domains or the signed-in user's domain). Only a
 *    stakeholder address can match an internal participant: own domains never
 *    match an account.
 * 4. Ties are broken by the strongest reason kind, then the account name, then
 *    the id (see `compareCandidates`), so the order never depends on the order
 *    participants were listed in.
 */
export const SIGNAL_WEIGHT = { stakeholder_address: 100, domain: 10, title_name: 1 } as const;

export const ROLE_WEIGHT: Record<ParticipantRole, number> = {
  from: 1,
  organizer: 1,
  to: 0.8,
  attendee: 0.8,
  cc: 0.5,
};

export const INTERNAL_WEIGHT = 0.5;

/** Each further signal of one kind counts this fraction of the one before it. */
export const DIMINISHING_FACTOR = 0.5;

export type ReasonKind = keyof typeof SIGNAL_WEIGHT;

/** Strongest first: the order of tiers, also used to break ties and sort reasons. */
export const REASON_KIND_ORDER: readonly ReasonKind[] = ['stakeholder_address', 'domain', 'title_name'];

/** Sum of contributions, strongest counting fully and each next one by a further `DIMINISHING_FACTOR`. */
export function diminishingSum(contributions: number[]): number {
  const sorted = [...contributions].sort((a, b) => b - a);
  let total = 0;
  let factor = 1;
  for (const value of sorted) {
    total += value * factor;
    factor *= DIMINISHING_FACTOR;
  }
  return total;
}
