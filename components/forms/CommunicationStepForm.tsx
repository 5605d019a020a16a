import { COMMUNICATION_STEP_STATUS_LABELS, optionsOf } from '@/lib/forms/labels';
import { buildCommunicationStep, COMMUNICATION_STEP_DEFAULTS, FIELDS, type CommunicationStepFormValues } from '@/lib/forms/communication-step';
import { DateField } from './fields/DateField';
import { OpportunityField } from './fields/OpportunityField';
import { Select } from './fields/Select';
import { StakeholderPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

/** A conversation to have with one stakeholder, and why. */
export function CommunicationStepForm(props: QuickLogFormProps<CommunicationStepFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(COMMUNICATION_STEP_DEFAULTS, props),
    build: buildCommunicationStep,
    save: putDraft('communication_steps'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Plan a conversation" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <OpportunityField id={fieldId('opportunity_id')} fixedId={props.opportunityId} opportunities={props.opportunities} required={false} value={values.opportunity_id} error={errors.opportunity_id} onChange={(v) => set('opportunity_id', v)} />
      <StakeholderPicker id={fieldId('stakeholder_id')} label="With" required stakeholders={props.stakeholders} value={values.stakeholder_id} error={errors.stakeholder_id} onChange={(v) => set('stakeholder_id', v)} />
      <TextArea id={fieldId('purpose')} label="Purpose" required value={values.purpose} error={errors.purpose} onChange={(v) => set('purpose', v)} />
      <Select id={fieldId('status')} label="Status" options={optionsOf(COMMUNICATION_STEP_STATUS_LABELS)} value={values.status} error={errors.status} onChange={(v) => set('status', v)} />
      <DateField id={fieldId('planned_on')} label="Planned for" value={values.planned_on} error={errors.planned_on} onChange={(v) => set('planned_on', v)} />
    </QuickLogFormShell>
  );
}
