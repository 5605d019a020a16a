import { CRITERIA } from '../criteria';
import type { Verdict } from '../criteria/criterion';

/**
 * Where the one-pass explainers write their answers, criterion by criterion in
 * catalog order: the ids of the records behind (or falling short of) each one,
 * appended to one flat list, and its lacking text (or `null` when met). The
 * evaluation then copies the used part out in three arrays (`evaluate.ts`), so an
 * explained opportunity costs a handful of allocations instead of an object and a
 * list per criterion.
 *
 * There is one writer, reused: evaluation is synchronous and never re-entered.
 * Nothing here outlives one evaluation: `begin` forgets the previous one, and the
 * evaluation copies what it hands out.
 */
export class ExplanationWriter {
  /** The ids written since `begin`, in catalog order of their criteria: only the first `count` are current. */
  readonly ids: string[] = [];
  count = 0;
  /** `starts[i]` is where the ids of CRITERIA[i] begin in `ids`, `starts[i + 1]` where they end. */
  readonly starts: number[] = new Array<number>(CRITERION_COUNT + 1).fill(0);
  /** By catalog index, what is lacking; `null` when met. */
  readonly lacking: (string | null)[] = new Array<string | null>(CRITERION_COUNT).fill(null);
  /** The bits of the unmet criteria (bit i = CRITERIA[i]). */
  unmet = 0;
  /** The criterion the next `met` or `notMet` must close. */
  private next = 0;

  begin(): void {
    this.count = 0;
    this.unmet = 0;
    this.next = 0;
  }

  /** One more id backing (or falling short of) the criterion being written. */
  id(id: string): void {
    this.ids[this.count++] = id;
  }

  /** Closes criterion `slot` as met, backed by the ids written since the previous one closed. */
  met(slot: number): void {
    this.close(slot, null);
  }

  /** Closes criterion `slot` as not met: `lacking` says why; the ids written since the previous one are those that fall short. */
  notMet(slot: number, lacking: string): void {
    this.unmet |= 1 << slot;
    this.close(slot, lacking);
  }

  /** Whether every criterion of the catalog has been written since `begin`. */
  isComplete(): boolean {
    return this.next === CRITERION_COUNT;
  }

  private close(slot: number, lacking: string | null): void {
    // Evidence ranges are consecutive, so an explainer that wrote out of catalog
    // order would hand its ids to the wrong criterion: refuse loudly instead.
    if (slot !== this.next) throw new Error(`Explainers must write criteria in catalog order: expected ${this.next}, got ${slot}`);
    this.lacking[slot] = lacking;
    this.starts[slot + 1] = this.count;
    this.next = slot + 1;
  }
}

const CRITERION_COUNT = CRITERIA.length;

/** The text of a not-met verdict the criteria modules build once (`lacks(...)`), for an explainer to write. */
export function lackingText(verdict: Verdict): string {
  if (verdict.lacking === null) throw new Error('A met verdict says nothing is lacking.');
  return verdict.lacking;
}

/**
 * A scratch mark per record of a list being read, so an explainer can classify
 * each record once and then write exactly the ids it needs. Reused: evaluation is synchronous and never re-entered. Explainers write
 * a mark for every record (zero for none), so a scratch is never cleared.
 *
 * Returns the getter of one scratch, with room for `length` records.
 */
export function markScratch(): (length: number) => Uint8Array {
  let marks = new Uint8Array(64);
  return (length) => {
    if (length > marks.length) marks = new Uint8Array(Math.max(length, marks.length * 2));
    return marks;
  };
}

/** The scratch shared by explainers that finish with a list before they mark the next. */
export const marksFor = markScratch();

/*
 * Writing ids out of a list: each explainer keeps its own small loop per list
 * rather than calling one shared helper. A shared helper would read `.id` from
 * records of seven shapes (goals, outcomes, stakeholders…) and the engine would
 * fall back to its slow generic property lookup; a loop per list reads one shape.
 */
