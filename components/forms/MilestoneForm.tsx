import { MILESTONE_KIND_LABELS, optionsOf } from '@/lib/forms/labels';
import { buildMilestone, FIELDS, MILESTONE_DEFAULTS, type MilestoneFormValues } from '@/lib/forms/milestone';
import { DateField } from './fields/DateField';
import { Select } from './fields/Select';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

/** A point in the account's life, reached on a day (one of each kind per account). */
export function MilestoneForm(props: QuickLogFormProps<MilestoneFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(MILESTONE_DEFAULTS, props),
    build: buildMilestone,
    save: putDraft('account_milestones'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Log a milestone" formRef={form.formRef} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <Select id={fieldId('kind')} label="Milestone" options={optionsOf(MILESTONE_KIND_LABELS)} value={values.kind} error={errors.kind} onChange={(v) => set('kind', v)} />
      <DateField id={fieldId('reached_on')} label="Reached on" required value={values.reached_on} error={errors.reached_on} onChange={(v) => set('reached_on', v)} />
    </QuickLogFormShell>
  );
}
