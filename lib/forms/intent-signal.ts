import type { IntentSignalKind } from '../pipeline/facts';
import type { BuildContext } from './build-context';
import { sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldErrors, type FieldMap } from './validate';

/** One agreed next step and who owns it (a person at the customer or on our side). */
export interface NextStep {
  step: string;
  owner: string;
}

export interface IntentSignalFormValues {
  opportunity_id: string;
  kind: IntentSignalKind;
  occurred_on: string;
  stakeholder_ids: string[];
  summary: string;
  /** Asked for a verbal yes only: a yes counts once its next steps have owners. */
  next_steps: NextStep[];
}

export const INTENT_SIGNAL_DEFAULTS: IntentSignalFormValues = {
  opportunity_id: '',
  kind: 'decision_timing_known',
  occurred_on: '',
  stakeholder_ids: [],
  summary: '',
  next_steps: [{ step: '', owner: '' }],
};

export const FIELDS: FieldMap = {
  opportunity_id: 'opportunity_id',
  kind: 'kind',
  occurred_on: 'occurred_on',
  stakeholder_ids: 'stakeholder_ids',
  summary: 'summary',
  next_steps: 'next_steps',
  has_next_steps_with_owners: 'next_steps',
};

/** The field key of one next step's part, e.g. `next_steps.0.owner`: where its error is shown. */
export function nextStepField(index: number, part: keyof NextStep): string {
  return `next_steps.${String(index)}.${part}`;
}

/**
 * The next steps as the record keeps them: one line per step, `step (owner: …)`.
 * A step without an owner is an error, not a silent drop: the flag
 * `has_next_steps_with_owners` is what makes a verbal yes count, so it is set
 * only when at least one step was given and every step has its owner.
 */
function checkNextSteps(steps: readonly NextStep[]): { text: string | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const filled = steps.map((s) => ({ step: s.step.trim(), owner: s.owner.trim() }));
  filled.forEach((s, index) => {
    if (s.step !== '' && s.owner === '') errors[nextStepField(index, 'owner')] = 'Who owns this step?';
    if (s.step === '' && s.owner !== '') errors[nextStepField(index, 'step')] = 'What is the step?';
  });
  const complete = filled.filter((s) => s.step !== '' && s.owner !== '');
  if (complete.length === 0 && Object.keys(errors).length === 0) {
    errors.next_steps = 'A verbal yes needs at least one next step with its owner.';
  }
  const text = complete.map((s) => `${s.step} (owner: ${s.owner})`).join('\n');
  return { text: text === '' ? null : text, errors };
}

export function buildIntentSignal(values: IntentSignalFormValues, ctx: BuildContext): BuildResult<DraftOf<'intent_signals'>> {
  const isVerbalYes = values.kind === 'verbal_commitment';
  const steps = isVerbalYes ? checkNextSteps(values.next_steps) : { text: null, errors: {} };
  const result = validateDraft(
    'intent_signals',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      opportunity_id: values.opportunity_id,
      kind: values.kind,
      occurred_on: values.occurred_on,
      summary: textOrNull(values.summary),
      next_steps: steps.text,
      has_next_steps_with_owners: isVerbalYes && Object.keys(steps.errors).length === 0,
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
  const stepErrors = steps.errors;
  if (Object.keys(stepErrors).length === 0) return result;
  return { ok: false, errors: { ...(result.ok ? {} : result.errors), ...stepErrors } };
}
