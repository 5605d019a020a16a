import { CRITERIA, CRITERIA_BY_STAGE } from './criteria';
import { STAGE_IDS } from './stages';

/**
 * The catalog's layout, computed once at load for the evaluation loops (`assess.ts`,
 * `evaluate.ts`): they run for every opportunity of a team, so they look stages up
 * by index here instead of by name per criterion.
 *
 * A set of criteria is kept as the bits of one 32-bit integer (bit i = CRITERIA[i]):
 * no allocation while checking.
 */
if (CRITERIA.length > 31) throw new Error('catalog-layout.ts keeps criteria in a 31-bit set: the catalog outgrew it');

export const LAST_STAGE = STAGE_IDS.length - 1;

/** Where each stage's criteria sit in the catalog: [first index, index after the last). */
export const STAGE_RANGES: readonly (readonly [number, number])[] = STAGE_IDS.map((stage) => {
  const first = CRITERIA.findIndex((c) => c.stage === stage);
  return [first, first + CRITERIA_BY_STAGE[stage].length] as const;
});

/** Per stage, the bit set of its required criteria. */
export const REQUIRED_MASKS: readonly number[] = STAGE_RANGES.map(([first, end]) => {
  let mask = 0;
  for (let i = first; i < end; i += 1) if (CRITERIA[i]!.importance === 'required') mask |= 1 << i;
  return mask;
});

/** Per stage, the bit set of all its criteria. */
export const STAGE_MASKS: readonly number[] = STAGE_RANGES.map(([first, end]) => rangeMask(first, end));

/** The bit set of every required criterion of the catalog. */
export const REQUIRED: number = REQUIRED_MASKS.reduce((all, mask) => all | mask, 0);

/** The bit set of the criteria with catalog index in [first, end). */
export function rangeMask(first: number, end: number): number {
  return ((1 << (end - first)) - 1) << first;
}

/** The first stage (by index) with an unmet required criterion in `unmet`, or -1 when there is none. */
export function firstBlockedStage(unmet: number): number {
  for (let s = 0; s <= LAST_STAGE; s += 1) if ((unmet & REQUIRED_MASKS[s]!) !== 0) return s;
  return -1;
}

/** How many bits are set: lists are allocated at their exact length. */
export function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
