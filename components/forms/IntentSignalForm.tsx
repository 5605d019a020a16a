import { buildIntentSignal, FIELDS, INTENT_SIGNAL_DEFAULTS, type IntentSignalFormValues } from '@/lib/forms/intent-signal';
import { INTENT_SIGNAL_KIND_LABELS, optionsOf } from '@/lib/forms/labels';
import { DateField } from './fields/DateField';
import { OpportunityField } from './fields/OpportunityField';
import { Select } from './fields/Select';
import { StakeholdersPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { NextStepsField } from './NextStepsField';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

/** A sign the customer is organising the decision (or a risk against it). */
export function IntentSignalForm(props: QuickLogFormProps<IntentSignalFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(INTENT_SIGNAL_DEFAULTS, props),
    build: buildIntentSignal,
    save: putDraft('intent_signals'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Log an intent signal" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <OpportunityField id={fieldId('opportunity_id')} fixedId={props.opportunityId} opportunities={props.opportunities} required value={values.opportunity_id} error={errors.opportunity_id} onChange={(v) => set('opportunity_id', v)} />
      <Select id={fieldId('kind')} label="What happened" options={optionsOf(INTENT_SIGNAL_KIND_LABELS)} value={values.kind} error={errors.kind} onChange={(v) => set('kind', v)} />
      <DateField id={fieldId('occurred_on')} label="Date" required value={values.occurred_on} error={errors.occurred_on} onChange={(v) => set('occurred_on', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="Who" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
      <TextArea id={fieldId('summary')} label="Note" value={values.summary} error={errors.summary} onChange={(v) => set('summary', v)} />
      {values.kind === 'verbal_commitment' && <NextStepsField id={fieldId('next_steps')} fieldId={fieldId} steps={values.next_steps} errors={errors} onChange={(v) => set('next_steps', v)} />}
    </QuickLogFormShell>
  );
}
