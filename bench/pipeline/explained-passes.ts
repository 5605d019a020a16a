/**
 * One process's measurement of issue 4's target row (bench/pipeline.bench.ts):
 * the 50,000 realistic facts generated, sent through JSON, validated and
 * prepared once, then full explained passes, each read out as the panel reads
 * an evaluation. Run as `node <this file> --child` (with the bench's loader),
 * it prints its figures as one JSON line.
 *
 * Why a process of its own per measurement: the figure of one process settles
 * near one of two levels (about 90 or 110 ms on this machine) depending on
 * where the prepared facts land in the heap, which the garbage made before
 * them decides (the same facts taken in shuffled order explain in 111 ms
 * instead of 46). A median over several fresh processes reports the
 * evaluation, not one heap's luck.
 */
import { CRITERIA } from '../../lib/pipeline/criteria';
import { evaluateWithContext, ruleContext, type OpportunityEvaluation } from '../../lib/pipeline/evaluate';
import { evidenceFrom, evidenceTo, isMet, lackingOf, missingCriteria, unbackedCriteria } from '../../lib/pipeline/explained';
import { OpportunityFacts } from '../../lib/pipeline/facts';
import { prepareFacts } from '../../lib/pipeline/prepared-facts';
import { realisticFacts } from '../../lib/pipeline/testing/realistic-facts';
import { medianMs } from '../benchmark';

export const COUNT = 50_000;
export const TODAY = '2026-11-22';
export const SAMPLES = 21;
/** Enough warm-up passes for the optimiser and for the collection of the setup's garbage. */
export const WARMUPS = 10;

export interface ExplainedPasses {
  /** Median wall time of a full pass, ms. */
  ms: number;
  /** Median process CPU time of a full pass, ms. */
  cpuMs: number;
  /** Missing criteria counted over all opportunities in the last pass (to compare with `assess`). */
  gaps: number;
  /** Characters of labels, questions and lacking texts read in the last pass. */
  characters: number;
  /** Evidence ids read in the last pass. */
  evidenceIds: number;
  /** Size of the facts' JSON, KB. */
  kb: number;
}

export function measureExplainedPasses(): ExplainedPasses {
  let json: string | undefined = JSON.stringify(realisticFacts(COUNT, TODAY));
  const kb = Math.round(json.length / 1024);
  const facts = OpportunityFacts.array().parse(JSON.parse(json)).map(prepareFacts);
  // Let the 100 MB of text go, so collecting it does not land inside the passes below.
  json = undefined;
  const ctx = ruleContext(`${TODAY}T09:00:00Z`);
  const cpu: number[] = [];
  let gaps = 0;
  let characters = 0;
  let evidenceIds = 0;
  const ms = medianMs(
    () => {
      const start = process.cpuUsage();
      gaps = 0;
      characters = 0;
      evidenceIds = 0;
      for (const f of facts) {
        const read = readAll(evaluateWithContext(f, ctx));
        gaps += read.missing;
        characters += read.characters;
        evidenceIds += read.ids;
      }
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    },
    SAMPLES,
    WARMUPS,
  );
  // The warm-ups' CPU times are not part of the median.
  return { ms, cpuMs: median(cpu.slice(WARMUPS)), gaps, characters, evidenceIds, kb };
}

/**
 * Reads one evaluation as the panel does, through `explained.ts`: every
 * criterion's met flag, evidence ids (each one loaded from the evaluation) and
 * lacking text, with its label and question from the catalog; then the missing
 * criteria in the order shown and the unbacked ones. Returns what it read, so
 * nothing can be skipped unseen.
 */
function readAll(evaluation: OpportunityEvaluation): { missing: number; characters: number; ids: number } {
  let characters = 0;
  let ids = 0;
  const evidence = evaluation.evidence;
  for (let i = 0; i < CRITERIA.length; i += 1) {
    const criterion = CRITERIA[i]!;
    characters += criterion.label.length + criterion.question.length + (isMet(evaluation, i) ? 1 : 0);
    const lacking = lackingOf(evaluation, i);
    if (lacking !== null) characters += lacking.length;
    for (let k = evidenceFrom(evaluation, i), end = evidenceTo(evaluation, i); k < end; k += 1) if (evidence[k] !== undefined) ids += 1;
  }
  const missing = missingCriteria(evaluation);
  for (const i of missing) characters += CRITERIA[i]!.question.length;
  for (const i of unbackedCriteria(evaluation)) characters += CRITERIA[i]!.question.length;
  if (ids !== evidence.length) throw new Error(`read ${ids} evidence ids of ${evidence.length}`);
  return { missing: missing.length, characters, ids };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

if (process.argv.includes('--child')) process.stdout.write(`${JSON.stringify(measureExplainedPasses())}\n`);
