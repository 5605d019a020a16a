import type { AccountIds } from './account-ids';
import { hostAndParents, parseAddress, type ParsedAddress } from './domains';
import { isFreeMailDomain } from './free-mail';
import type { ParticipantRole, RecognitionContext } from './input';
import { findNamesInTitle } from './names';
import { suggestAccountName } from './prefill';
import type { RecognitionIndex } from './recognition-index';
import { diminishingSum, INTERNAL_WEIGHT, REASON_KIND_ORDER, ROLE_WEIGHT, SIGNAL_WEIGHT, type ReasonKind } from './scoring';

/** Why an account is a candidate. */
export interface RecognitionReason {
  kind: ReasonKind;
  /** The participant's address (stakeholder and domain reasons). */
  email?: string;
  /** The account domain that matched (domain reasons). */
  domain?: string;
  /** The name or alias found in the title, as normalised words (title reasons). */
  matched?: string;
}

export interface RecognitionCandidate {
  account_id: string;
  accountName: string;
  score: number;
  /** Strongest first. */
  reasons: RecognitionReason[];
}

export interface RecognitionParticipantRef {
  email: string;
  name?: string;
  role: ParticipantRole;
}

/** An external domain no account claims: the panel offers "link to an account" or "create account". */
export interface UnknownDomain {
  /** Registrable domain, punycode for internationalised names. */
  domain: string;
  /** A prefill for "create account", e.g. `Acme Robotics` for `acme-robotics.co.uk`. */
  suggestedName: string;
  /** The participants at that domain that no stakeholder address matched. */
  participants: RecognitionParticipantRef[];
}

export interface RecognitionResult {
  /** Best first; ties broken deterministically (see `compareCandidates`). */
  candidates: RecognitionCandidate[];
  /** Sorted by domain. */
  unknownDomains: UnknownDomain[];
}

export interface RecognitionOptions {
  /** How many candidates to return at most (default 10): the panel shows the first and offers the rest. */
  maxCandidates?: number;
}

interface Signal {
  kind: ReasonKind;
  weight: number;
  reason: RecognitionReason;
}

interface Participant extends RecognitionParticipantRef {
  parsed: ParsedAddress;
}

/**
 * Which accounts a thread or event is about, best first, from its
 * participants and title. Pure and total: unparsable addresses are skipped,
 * nothing throws.
 */
export function recognise(index: RecognitionIndex, context: RecognitionContext, options: RecognitionOptions = {}): RecognitionResult {
  const self = typeof context.self === 'string' ? parseAddress(context.self) : undefined;
  const selfDomain = self && !isFreeMailDomain(self.registrable) ? self.registrable : undefined;
  const signals = new Map<string, Signal[]>();
  const unknown = new Map<string, { participants: RecognitionParticipantRef[]; displayHost: string }>();

  for (const participant of distinctParticipants(context.participants, self?.address)) {
    const { parsed, role } = participant;
    const internal = index.ownDomains.has(parsed.registrable) || parsed.registrable === selfDomain;
    const roleWeight = ROLE_WEIGHT[role] * (internal ? INTERNAL_WEIGHT : 1);

    // An exact address decides for this person, whatever their domain says:
    // a customer writing from a personal address, or a partner's consultant.
    const stakeholderOf = knownAccounts(index, index.byAddress.get(parsed.address));
    if (stakeholderOf.length > 0) {
      for (const accountId of stakeholderOf) {
        push(signals, accountId, { kind: 'stakeholder_address', weight: SIGNAL_WEIGHT.stakeholder_address * roleWeight, reason: { kind: 'stakeholder_address', email: parsed.address } });
      }
      continue;
    }
    if (internal || isFreeMailDomain(parsed.registrable)) continue;

    const match = matchDomain(index, parsed);
    if (match) {
      for (const accountId of match.accountIds) {
        push(signals, accountId, { kind: 'domain', weight: SIGNAL_WEIGHT.domain * roleWeight, reason: { kind: 'domain', email: parsed.address, domain: match.domain } });
      }
      continue;
    }
    const entry = unknown.get(parsed.registrable) ?? { participants: [], displayHost: parsed.displayHost };
    entry.participants.push(publicRef(participant));
    unknown.set(parsed.registrable, entry);
  }

  for (const hit of findNamesInTitle(index.names, typeof context.title === 'string' ? context.title : undefined)) {
    push(signals, hit.account_id, { kind: 'title_name', weight: SIGNAL_WEIGHT.title_name, reason: { kind: 'title_name', matched: hit.matched } });
  }

  const candidates: RecognitionCandidate[] = [];
  for (const [accountId, accountSignals] of signals) {
    candidates.push({
      account_id: accountId,
      accountName: accountNameOf(index, accountId),
      score: scoreOf(accountSignals),
      reasons: accountSignals.sort(compareSignals).map((signal) => signal.reason),
    });
  }
  candidates.sort((a, b) => compareCandidates(a, b, index));

  const unknownDomains = [...unknown.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([domain, entry]) => ({
      domain,
      suggestedName: suggestAccountName(domain, entry.displayHost),
      participants: entry.participants.sort((a, b) => compareStrings(a.email, b.email)),
    }));

  return { candidates: candidates.slice(0, Math.max(0, options.maxCandidates ?? 10)), unknownDomains };
}

/**
 * One entry per address (the same person can be in `to` and `cc`, or listed
 * twice by the host), keeping the weightiest role; the signed-in user and
 * unparsable addresses are dropped. Sorted by address so nothing downstream
 * depends on the order the host listed people in.
 */
function distinctParticipants(participants: RecognitionContext['participants'], selfAddress: string | undefined): Participant[] {
  const byAddress = new Map<string, Participant>();
  if (!Array.isArray(participants)) return [];
  for (const raw of participants) {
    if (!raw || typeof raw.email !== 'string' || typeof raw.role !== 'string' || !Object.hasOwn(ROLE_WEIGHT, raw.role)) continue;
    const parsed = parseAddress(raw.email);
    if (!parsed || parsed.address === selfAddress) continue;
    const candidate: Participant = { email: parsed.address, role: raw.role, parsed, ...(typeof raw.name === 'string' && raw.name.trim() ? { name: raw.name.trim() } : {}) };
    const existing = byAddress.get(parsed.address);
    if (!existing || outranks(candidate, existing)) byAddress.set(parsed.address, candidate);
  }
  return [...byAddress.values()].sort((a, b) => compareStrings(a.email, b.email));
}

const ROLE_ORDER: readonly ParticipantRole[] = ['from', 'organizer', 'to', 'attendee', 'cc'];

function outranks(a: Participant, b: Participant): boolean {
  const byRole = ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
  if (byRole !== 0) return byRole < 0;
  return compareStrings(a.name ?? '\uffff', b.name ?? '\uffff') < 0;
}

/** The most specific configured domain covering the host, else any account on its registrable domain. */
function matchDomain(index: RecognitionIndex, parsed: ParsedAddress): { accountIds: readonly string[]; domain: string } | undefined {
  for (const host of hostAndParents(parsed.host, parsed.registrable)) {
    const accountIds = knownAccounts(index, index.byDomain.get(host));
    if (accountIds.length > 0) return { accountIds, domain: host };
  }
  const accountIds = knownAccounts(index, index.byRegistrable.get(parsed.registrable));
  return accountIds.length > 0 ? { accountIds, domain: parsed.registrable } : undefined;
}

/** The ids under an index key that name an account the index knows (rows of deleted accounts are skipped here, not at build). */
function knownAccounts(index: RecognitionIndex, ids: AccountIds | undefined): readonly string[] {
  if (ids === undefined) return [];
  if (typeof ids === 'string') return index.accounts.has(ids) ? [ids] : [];
  return ids.filter((id) => index.accounts.has(id));
}

function scoreOf(signals: Signal[]): number {
  let score = 0;
  for (const kind of REASON_KIND_ORDER) {
    score += diminishingSum(signals.filter((signal) => signal.kind === kind).map((signal) => signal.weight));
  }
  return score;
}

/** Best first: score, then strongest reason kind, then account name, then id. */
export function compareCandidates(a: RecognitionCandidate, b: RecognitionCandidate, index: RecognitionIndex): number {
  if (a.score !== b.score) return b.score - a.score;
  const kind = strongestKindRank(a) - strongestKindRank(b);
  if (kind !== 0) return kind;
  const name = compareStrings(sortName(index, a.account_id), sortName(index, b.account_id));
  return name !== 0 ? name : compareStrings(a.account_id, b.account_id);
}

function accountNameOf(index: RecognitionIndex, accountId: string): string {
  const name = index.accounts.get(accountId)?.name;
  return typeof name === 'string' ? name : '';
}

/** Lower-cased account name: computed only when scores tie, which is rare. */
function sortName(index: RecognitionIndex, accountId: string): string {
  return accountNameOf(index, accountId).toLowerCase();
}

function strongestKindRank(candidate: RecognitionCandidate): number {
  const first = candidate.reasons[0];
  return first ? REASON_KIND_ORDER.indexOf(first.kind) : REASON_KIND_ORDER.length;
}

function compareSignals(a: Signal, b: Signal): number {
  const kind = REASON_KIND_ORDER.indexOf(a.kind) - REASON_KIND_ORDER.indexOf(b.kind);
  if (kind !== 0) return kind;
  if (a.weight !== b.weight) return b.weight - a.weight;
  return compareStrings(a.reason.email ?? a.reason.matched ?? '', b.reason.email ?? b.reason.matched ?? '');
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function push(signals: Map<string, Signal[]>, accountId: string, signal: Signal): void {
  const list = signals.get(accountId);
  if (list) list.push(signal);
  else signals.set(accountId, [signal]);
}

function publicRef({ email, name, role }: Participant): RecognitionParticipantRef {
  return name === undefined ? { email, role } : { email, name, role };
}
