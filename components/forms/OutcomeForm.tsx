import { buildOutcome, FIELDS, OUTCOME_DEFAULTS, type OutcomeFormValues } from '@/lib/forms/outcome';
import { Select } from './fields/Select';
import { StakeholdersPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { buildContextOf, initialValues } from './form-context';
import type { GoalOption, QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

export interface OutcomeFormProps extends QuickLogFormProps<OutcomeFormValues> {
  /** The account's goals: progress is always toward one of them. */
  goals: readonly GoalOption[];
}

/** Progress made toward one of the customer's goals, and what is left. */
export function OutcomeForm(props: OutcomeFormProps) {
  const form = useQuickLogForm({
    initial: initialValues(OUTCOME_DEFAULTS, props),
    build: buildOutcome,
    save: putDraft('outcomes'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  const goalOptions = [
    { value: '', label: props.goals.length === 0 ? 'No goals yet: log a goal first' : 'Choose a goal' },
    ...props.goals.map((goal) => ({ value: goal.id, label: goal.statement.length > 80 ? `${goal.statement.slice(0, 79)}…` : goal.statement })),
  ];
  return (
    <QuickLogFormShell title="Log progress toward a goal" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <Select id={fieldId('goal_id')} label="Goal" required options={goalOptions} value={values.goal_id} error={errors.goal_id} onChange={(v) => set('goal_id', v)} />
      <TextArea id={fieldId('summary')} label="Progress made" required value={values.summary} error={errors.summary} onChange={(v) => set('summary', v)} />
      <TextArea id={fieldId('remaining')} label="What remains" value={values.remaining} error={errors.remaining} onChange={(v) => set('remaining', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="Who confirmed it" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
    </QuickLogFormShell>
  );
}
