import { buildGoal, GOAL_DEFAULTS, FIELDS, type GoalFormValues } from '@/lib/forms/goal';
import { DateField } from './fields/DateField';
import { StakeholdersPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

/** Why the customer bought, in their words, and when they last said it still holds. */
export function GoalForm(props: QuickLogFormProps<GoalFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(GOAL_DEFAULTS, props),
    build: buildGoal,
    save: putDraft('goals'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Log a goal" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <TextArea id={fieldId('statement')} label="The customer's goal" hint="In their words." required value={values.statement} error={errors.statement} onChange={(v) => set('statement', v)} />
      <DateField id={fieldId('confirmed_current_on')} label="Last confirmed as still current" value={values.confirmed_current_on} error={errors.confirmed_current_on} onChange={(v) => set('confirmed_current_on', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="Who said it" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
    </QuickLogFormShell>
  );
}
