import { z } from 'zod';
import { HOST_IDS, type HostId } from '@/lib/hosts/supported-hosts';
import type { RecognitionCandidate } from './recognise';

/**
 * A CSM's own answer to "which account is this about?", remembered for one
 * thread or event so the panel opens on it next time, ahead of whatever
 * recognition ranks first. This module is the pure model; the store persists
 * `ManualChoice` records and hands them back.
 */

export const ManualChoice = z.object({
  host: z.enum(HOST_IDS),
  /** `thread` on mail hosts, `event` on calendars: kept so records read on their own. */
  item_kind: z.enum(['thread', 'event']),
  /** The host's id of the thread or event (Gmail thread id, Outlook conversation id, Calendar event id). */
  item_id: z.string().min(1),
  account_id: z.string().min(1),
  /** ISO timestamp supplied by the caller (this module reads no clock): the newest choice for an item wins. */
  chosen_at: z.iso.datetime({ offset: true }),
});
export type ManualChoice = z.infer<typeof ManualChoice>;

/** The key a choice is stored and looked up under: one per host and item. */
export function manualChoiceKey(host: HostId, itemId: string): string {
  return `${host}:${itemId}`;
}

/** The choice remembered for an item, if any: the newest when several were kept. */
export function findManualChoice(choices: readonly ManualChoice[], host: HostId, itemId: string): ManualChoice | undefined {
  let found: ManualChoice | undefined;
  for (const choice of choices) {
    if (choice.host !== host || choice.item_id !== itemId) continue;
    if (!found || Date.parse(choice.chosen_at) > Date.parse(found.chosen_at)) found = choice;
  }
  return found;
}

export interface RankedCandidate extends RecognitionCandidate {
  /** True on the account the CSM chose for this item. */
  chosen: boolean;
}

export interface ApplyChoiceOptions {
  /**
   * Whether the chosen account still exists; a choice of a deleted account is
   * ignored rather than shown as a blank entry. Defaults to trusting the choice.
   */
  accountExists?: (accountId: string) => boolean;
  /** The chosen account's name when it was not among the candidates. */
  accountName?: (accountId: string) => string | undefined;
}

/**
 * The candidates with the chosen account first and marked `chosen`, even when
 * recognition did not suggest it (it then has score 0 and no reasons). The
 * others keep their order, so the alternatives the panel offers stay the same.
 */
export function applyManualChoice(
  candidates: readonly RecognitionCandidate[],
  choice: Pick<ManualChoice, 'account_id'> | undefined,
  options: ApplyChoiceOptions = {},
): RankedCandidate[] {
  const unchosen = (candidate: RecognitionCandidate): RankedCandidate => ({ ...candidate, chosen: false });
  if (!choice || (options.accountExists && !options.accountExists(choice.account_id))) return candidates.map(unchosen);
  const recognised = candidates.find((candidate) => candidate.account_id === choice.account_id);
  const chosen: RankedCandidate = recognised
    ? { ...recognised, chosen: true }
    : { account_id: choice.account_id, accountName: options.accountName?.(choice.account_id) ?? '', score: 0, reasons: [], chosen: true };
  return [chosen, ...candidates.filter((candidate) => candidate.account_id !== choice.account_id).map(unchosen)];
}
