import { BUSINESS_CASE_DEFAULTS, buildBusinessCase, FIELDS, type BusinessCaseFormValues } from '@/lib/forms/business-case';
import { OpportunityField } from './fields/OpportunityField';
import { Select } from './fields/Select';
import { StakeholdersPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { Toggle } from './fields/Toggle';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

const STILL_CURRENT_OPTIONS = [
  { value: '' as const, label: 'Not asked yet' },
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
];

/** The opportunity's case in four answers, and whether the customer can make it without us. */
export function BusinessCaseForm(props: QuickLogFormProps<BusinessCaseFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(BUSINESS_CASE_DEFAULTS, props),
    build: buildBusinessCase,
    save: putDraft('business_cases'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Business case" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <OpportunityField id={fieldId('opportunity_id')} fixedId={props.opportunityId} opportunities={props.opportunities} required value={values.opportunity_id} error={errors.opportunity_id} onChange={(v) => set('opportunity_id', v)} />
      <TextArea id={fieldId('goal_answer')} label="Which goal does it serve?" value={values.goal_answer} error={errors.goal_answer} onChange={(v) => set('goal_answer', v)} />
      <Select id={fieldId('goal_still_current')} label="Does that goal still hold for them?" options={STILL_CURRENT_OPTIONS} value={values.goal_still_current} error={errors.goal_still_current} onChange={(v) => set('goal_still_current', v)} />
      <TextArea id={fieldId('progress_answer')} label="Progress so far, and what is left" value={values.progress_answer} error={errors.progress_answer} onChange={(v) => set('progress_answer', v)} />
      <TextArea id={fieldId('path_answer')} label="How this moves the goal forward" hint="Through use cases they already know." value={values.path_answer} error={errors.path_answer} onChange={(v) => set('path_answer', v)} />
      <TextArea id={fieldId('success_answer')} label="Success, as they would describe it" value={values.success_answer} error={errors.success_answer} onChange={(v) => set('success_answer', v)} />
      <Toggle id={fieldId('portable')} label="They can explain this case without us in the room" checked={values.portable} error={errors.portable} onChange={(v) => set('portable', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="Who it was built with" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
    </QuickLogFormShell>
  );
}
