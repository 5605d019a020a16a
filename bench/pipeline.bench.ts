/**
 * Issue 4, acceptance 4: evaluating 50,000 opportunities with realistic facts,
 * target under 100 ms in total.
 *
 * The issue's module output is the full evaluation, so the target row is
 * `evaluateWithContext`, nothing dropped or deferred: for each opportunity its
 * evidence stage, the unmet, missing and unbacked sets, and every criterion's
 * evidence ids and lacking text (the compact result of `evaluate.ts`). Each pass
 * then reads the whole of each evaluation through the accessors the panel uses
 * (`explained.ts`): for all 29 criteria the met flag, every evidence id and the
 * lacking text, with the label and question from the catalog; then the missing
 * criteria in the order shown and the unbacked ones, each with its question.
 *
 * Facts are generated, sent through JSON (as they arrive from the database or the
 * local store), validated and prepared (`prepareFacts`: the in-memory form the
 * rules read) once beforehand: the panel and dashboard validate and prepare where
 * facts enter, not per evaluation, and the "parse and validate" row includes the
 * preparing. Nothing is cached between passes: each pass evaluates every
 * opportunity from its prepared facts.
 *
 * The target row is measured in several fresh processes, one after another
 * (pipeline/explained-passes.ts says why), and reports their median; the
 * other rows run here afterwards.
 *
 * `assess` (stage, missing and unbacked as ids, what the dashboard computes) is
 * kept as a comparison row.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { z } from 'zod';
import { defineBenchmark, medianMs } from './benchmark';
import { COUNT, median, SAMPLES, TODAY, WARMUPS } from './pipeline/explained-passes';
import { assessWithContext } from '../lib/pipeline/assess';
import { ruleContext } from '../lib/pipeline/evaluate';
import { OpportunityFacts } from '../lib/pipeline/facts';
import { prepareFacts } from '../lib/pipeline/prepared-facts';
import { realisticFacts } from '../lib/pipeline/testing/realistic-facts';

/** Fresh processes measuring the target row. */
const PROCESSES = 5;

const ChildFigures = z.object({ ms: z.number(), cpuMs: z.number(), gaps: z.number().int(), characters: z.number().int(), evidenceIds: z.number().int(), kb: z.number() });

export default defineBenchmark({
  title: 'Pipeline rules',
  async run() {
    const processes = Array.from({ length: PROCESSES }, measureInChild);
    const { gaps: evaluatedGaps, characters: explained, evidenceIds, kb } = processes[0]!;
    if (processes.some((p) => p.gaps !== evaluatedGaps || p.characters !== explained || p.evidenceIds !== evidenceIds)) throw new Error('the processes read different evaluations of the same facts');
    const evaluate = median(processes.map((p) => p.ms));
    const list = (pick: (p: z.infer<typeof ChildFigures>) => number) => processes.map((p) => pick(p).toFixed(0)).join(', ');

    let json: string | undefined = JSON.stringify(realisticFacts(COUNT, TODAY));
    const facts = OpportunityFacts.array().parse(JSON.parse(json)).map(prepareFacts);
    const ctx = ruleContext(`${TODAY}T09:00:00Z`);
    let assessedGaps = 0;
    const assessCpu: number[] = [];
    const assess = medianMs(
      withCpuTime(assessCpu, () => {
        assessedGaps = 0;
        for (const f of facts) assessedGaps += assessWithContext(f, ctx).missing.length;
      }),
      SAMPLES,
      WARMUPS,
    );
    if (assessedGaps === 0 || assessedGaps !== evaluatedGaps || explained === 0 || evidenceIds === 0) {
      throw new Error(`assess and evaluate disagree or explained nothing (${assessedGaps} vs ${evaluatedGaps} gaps, ${explained})`);
    }
    const validate = medianMs(() => OpportunityFacts.array().parse(JSON.parse(json!)).map(prepareFacts), 3, 1);
    const validated = OpportunityFacts.array().parse(JSON.parse(json));
    json = undefined;
    const prepareCpu: number[] = [];
    const prepare = medianMs(withCpuTime(prepareCpu, () => validated.map(prepareFacts)), 5, 2);
    return [
      {
        name: `evaluate ${COUNT.toLocaleString('en')} opportunities, every criterion explained (the issue 4 target)`,
        value: evaluate,
        unit: 'ms',
        target: 100,
        issue: 4,
        note: `median over ${PROCESSES} fresh processes (${list((p) => p.ms)} ms; process CPU time ${list((p) => p.cpuMs)} ms), each the median of ${SAMPLES} full passes after ${WARMUPS} warm-ups; each pass evaluates every opportunity in full (stage; unmet, missing and unbacked sets; every criterion's evidence ids, ${evidenceIds.toLocaleString('en')} in all, and lacking text) and reads all of it through the panel's accessors: per criterion its met flag, each evidence id, its lacking text, and label and question from the catalog; then the missing criteria in order and the unbacked ones with their questions; facts pre-validated and prepared (${kb} KB of JSON), nothing cached between passes`,
      },
      {
        name: `assess ${COUNT.toLocaleString('en')} opportunities: stage, missing and unbacked ids only (dashboard path; for comparison)`,
        value: assess,
        unit: 'ms',
        note: `median of ${SAMPLES} full passes (process CPU time ${median(assessCpu).toFixed(0)} ms); no explanations, stops at the last stage it needs`,
      },
      {
        name: `parse, validate and prepare the same ${COUNT.toLocaleString('en')} facts from JSON`,
        value: validate,
        unit: 'ms',
        note: 'median of 3; for reference: done once where facts enter, not per evaluation (prepareFacts included)',
      },
      {
        name: `prepare the ${COUNT.toLocaleString('en')} validated facts alone (prepareFacts)`,
        value: prepare,
        unit: 'ms',
        note: `median of 5 (process CPU time ${median(prepareCpu).toFixed(0)} ms); part of the row above: days to day numbers, enums to codes, links to indexes`,
      },
    ];
  },
});

/** Runs pipeline/explained-passes.ts in a fresh process (this runtime, its loader and options) and reads its figures. */
function measureInChild(): z.infer<typeof ChildFigures> {
  const child = spawnSync(process.execPath, [...process.execArgv, resolve(import.meta.dirname, 'pipeline', 'explained-passes.ts'), '--child'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the explained passes' process failed (exit ${String(child.status)}): ${child.stderr.slice(-500)}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return ChildFigures.parse(JSON.parse(last));
}

/**
 * Records the process CPU time of each call. On a machine shared with other jobs,
 * wall time includes waiting for a core; CPU time shows what the work itself cost.
 */
function withCpuTime(into: number[], fn: () => void): () => void {
  return () => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    into.push((used.user + used.system) / 1000);
  };
}
