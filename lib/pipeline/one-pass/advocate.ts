import {
  detractorsWithoutStep,
  influentialWithoutStep,
  mappedOfNeeded,
  MIN_ENGAGED_STAKEHOLDERS as MIN_ENGAGED_IMPORTED,
  MIN_MAPPED_STAKEHOLDERS as MIN_MAPPED_IMPORTED,
  NO_ALIGNMENT_MEETING as NO_ALIGNMENT_MEETING_VERDICT,
  NO_HIGH_INFLUENCE as NO_HIGH_INFLUENCE_VERDICT,
  NO_INSIGHT as NO_INSIGHT_VERDICT,
  NO_SPONSOR as NO_SPONSOR_VERDICT,
  NOBODY_ENGAGED as NOBODY_ENGAGED_VERDICT,
  notSharedIn,
  ONLY_ONE_ENGAGED,
} from '../criteria/advocate';
import type { RuleContext } from '../criteria/criterion';
import { MEETING_KIND, PERSON, personIndex, STEP_STATUS, stepCode, type PreparedAccountLists, type PreparedFacts } from '../prepared-facts';
import { SLOT } from './slots';
import { lackingText, markScratch, marksFor, type ExplanationWriter } from './writer';

const STAKEHOLDERS_MAPPED = SLOT.stakeholders_mapped;
const SPONSOR_IDENTIFIED = SLOT.sponsor_identified;
const MULTI_THREADED = SLOT.multi_threaded;
const INSIGHT_SHARED = SLOT.insight_shared;
const ALIGNMENT_MEETING_HELD = SLOT.alignment_meeting_held;
const DETRACTORS_ADDRESSED = SLOT.detractors_addressed;
const COMMUNICATION_PLAN = SLOT.communication_plan;

const NO_SPONSOR = lackingText(NO_SPONSOR_VERDICT);
const NOBODY_ENGAGED = lackingText(NOBODY_ENGAGED_VERDICT);
const NO_INSIGHT = lackingText(NO_INSIGHT_VERDICT);
const NO_ALIGNMENT_MEETING = lackingText(NO_ALIGNMENT_MEETING_VERDICT);
const NO_HIGH_INFLUENCE = lackingText(NO_HIGH_INFLUENCE_VERDICT);

// Module-local copies of imports read per opportunity: an imported binding can cost
// a property read per use where modules are not bundled (tsx, vitest).
const MIN_MAPPED_STAKEHOLDERS = MIN_MAPPED_IMPORTED;
const MIN_ENGAGED_STAKEHOLDERS = MIN_ENGAGED_IMPORTED;
const POSITION_FIELD = PERSON.POSITION;
const SPONSOR_POSITION = PERSON.position('sponsor');
const SUPPORTER_POSITION = PERSON.position('supporter');
const DETRACTOR_POSITION = PERSON.position('detractor');
const UNKNOWN_POSITION = PERSON.position('unknown');
const ROLES_FIELD = PERSON.ROLES;
const INFLUENCE_FIELD = PERSON.INFLUENCE;
const HIGH_INFLUENCE = PERSON.influence('high');
const PLANNED = STEP_STATUS.planned;
const ALIGNMENT_MEETING = MEETING_KIND.alignment_meeting;

/** What a stakeholder counts toward, as bits of its scratch mark. */
const MAPPED = 1;
const SPONSOR = 2;
const ENGAGED = 4;
const DETRACTOR = 8;
const INFLUENTIAL = 16;
const DETRACTOR_UNCOVERED = 32;
const INFLUENTIAL_UNCOVERED = 64;

/**
 * The people's marks have a scratch of their own: they are read again for the last
 * two criteria, after the insights and meetings (which come between them in the
 * catalog) have used the shared one.
 */
const personMarksFor = markScratch();

/**
 * The Advocate criteria (`criteria/advocate.ts`), into `out` in catalog order: the
 * people from one pass over the stakeholders (looking up each person's planned
 * steps once), then the insights and the meetings. Same verdicts, same evidence
 * order, same texts.
 */
export function explainAdvocate(facts: PreparedFacts, ctx: RuleContext, out: ExplanationWriter): void {
  const account = facts.account;
  const { codes, stakeholders: from, insights: to } = account;
  const marked = personMarksFor(to - from);
  let mapped = 0;
  let sponsors = 0;
  let engaged = 0;
  let detractors = 0;
  let detractorsUncovered = 0;
  let influential = 0;
  let influentialUncovered = 0;
  for (let k = from; k < to; k += 1) {
    const code = codes[k]!;
    const position = code & POSITION_FIELD;
    let mark = 0;
    // As `isMapped` and `isEngaged` in `criteria/advocate.ts`.
    if ((code & ROLES_FIELD) !== 0 && position !== UNKNOWN_POSITION) {
      mark |= MAPPED;
      mapped += 1;
    }
    if (position === SPONSOR_POSITION) {
      mark |= SPONSOR | ENGAGED;
      sponsors += 1;
      engaged += 1;
    } else if (position === SUPPORTER_POSITION) {
      mark |= ENGAGED;
      engaged += 1;
    }
    const detractor = position === DETRACTOR_POSITION;
    const high = (code & INFLUENCE_FIELD) === HIGH_INFLUENCE;
    if (detractor || high) {
      const planned = hasPlannedStep(account, personIndex(account, k));
      if (detractor) {
        detractors += 1;
        mark |= planned ? DETRACTOR : DETRACTOR_UNCOVERED;
        if (!planned) detractorsUncovered += 1;
      }
      if (high) {
        influential += 1;
        mark |= planned ? INFLUENTIAL : INFLUENTIAL_UNCOVERED;
        if (!planned) influentialUncovered += 1;
      }
    }
    marked[k - from] = mark;
  }

  writeStakeholderIds(account, marked, MAPPED, out);
  if (mapped >= MIN_MAPPED_STAKEHOLDERS) out.met(STAKEHOLDERS_MAPPED);
  else out.notMet(STAKEHOLDERS_MAPPED, mappedOfNeeded(mapped));

  writeStakeholderIds(account, marked, SPONSOR, out);
  if (sponsors > 0) out.met(SPONSOR_IDENTIFIED);
  else out.notMet(SPONSOR_IDENTIFIED, NO_SPONSOR);

  writeStakeholderIds(account, marked, ENGAGED, out);
  if (engaged >= MIN_ENGAGED_STAKEHOLDERS) out.met(MULTI_THREADED);
  else out.notMet(MULTI_THREADED, engaged === 1 ? ONLY_ONE_ENGAGED : NOBODY_ENGAGED);

  explainInsights(account, ctx, out);
  explainMeetings(account, ctx, out);

  // Each detractor covered: their planned steps back it (none at all: nothing to address); else the uncovered fall short.
  if (detractorsUncovered === 0) {
    if (detractors > 0) writePlannedStepIds(account, marked, DETRACTOR, out);
    out.met(DETRACTORS_ADDRESSED);
  } else {
    writeStakeholderIds(account, marked, DETRACTOR_UNCOVERED, out);
    out.notMet(DETRACTORS_ADDRESSED, detractorsWithoutStep(detractorsUncovered));
  }

  // As above for the high-influence people, except that having none is itself a gap.
  if (influential === 0) out.notMet(COMMUNICATION_PLAN, NO_HIGH_INFLUENCE);
  else if (influentialUncovered === 0) {
    writePlannedStepIds(account, marked, INFLUENTIAL, out);
    out.met(COMMUNICATION_PLAN);
  } else {
    writeStakeholderIds(account, marked, INFLUENTIAL_UNCOVERED, out);
    out.notMet(COMMUNICATION_PLAN, influentialWithoutStep(influentialUncovered));
  }
}

/** Whether person `person` (index within the stakeholders) has a planned step: one code compared per step. */
function hasPlannedStep({ codes, steps: from, end: to }: PreparedAccountLists, person: number): boolean {
  const planned = stepCode(person, PLANNED);
  for (let k = from; k < to; k += 1) if (codes[k] === planned) return true;
  return false;
}

/** Every planned step of each stakeholder marked with `bit`, person by person, in list order. */
function writePlannedStepIds(account: PreparedAccountLists, marked: Uint8Array, bit: number, out: ExplanationWriter): void {
  const { ids, codes, stakeholders: from, steps, end } = account;
  for (let k = from; k < account.insights; k += 1) {
    if ((marked[k - from]! & bit) === 0) continue;
    const planned = stepCode(personIndex(account, k), PLANNED);
    for (let j = steps; j < end; j += 1) if (codes[j] === planned) out.id(ids[j]!);
  }
}

/** The ids of the stakeholders whose mark has a bit of `mask`, in list order. */
function writeStakeholderIds({ ids, stakeholders: from, insights: to }: PreparedAccountLists, marked: Uint8Array, mask: number, out: ExplanationWriter): void {
  for (let k = from; k < to; k += 1) if ((marked[k - from]! & mask) !== 0) out.id(ids[k]!);
}

const RECENT = 1;
const OLDER = 2;

/** `insight_shared`: recent insights back it; else older ones show what to renew. A later date (or none, NO_DAY) is not shared yet. */
function explainInsights({ ids, codes, insights: from, meetings: to }: PreparedAccountLists, { today, settings }: RuleContext, out: ExplanationWriter): void {
  const window = settings.freshness_days.insight_shared;
  const marked = marksFor(to - from);
  let recent = 0;
  let older = 0;
  for (let k = from; k < to; k += 1) {
    const age = today - codes[k]!;
    if (age < 0) marked[k - from] = 0;
    else if (age <= window) {
      marked[k - from] = RECENT;
      recent += 1;
    } else {
      marked[k - from] = OLDER;
      older += 1;
    }
  }
  if (recent > 0) {
    writeInsightIds(ids, from, to, marked, RECENT, out);
    out.met(INSIGHT_SHARED);
  } else if (older > 0) {
    writeInsightIds(ids, from, to, marked, OLDER, out);
    out.notMet(INSIGHT_SHARED, notSharedIn(window));
  } else out.notMet(INSIGHT_SHARED, NO_INSIGHT);
}

function writeInsightIds(ids: readonly string[], from: number, to: number, marked: Uint8Array, mark: number, out: ExplanationWriter): void {
  for (let k = from; k < to; k += 1) if (marked[k - from] === mark) out.id(ids[k]!);
}

/** `alignment_meeting_held`: every alignment meeting held by today backs it (a code is `heldOn * 2 + kind`). */
function explainMeetings({ ids, codes, meetings: from, steps: to }: PreparedAccountLists, { today }: RuleContext, out: ExplanationWriter): void {
  const before = out.count;
  for (let k = from; k < to; k += 1) {
    const code = codes[k]!;
    if ((code & 1) === ALIGNMENT_MEETING && code >> 1 <= today) out.id(ids[k]!);
  }
  if (out.count > before) out.met(ALIGNMENT_MEETING_HELD);
  else out.notMet(ALIGNMENT_MEETING_HELD, NO_ALIGNMENT_MEETING);
}
