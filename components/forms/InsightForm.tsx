import { buildInsight, FIELDS, INSIGHT_DEFAULTS, type InsightFormValues } from '@/lib/forms/insight';
import { INSIGHT_KIND_LABELS, optionsOf } from '@/lib/forms/labels';
import { DateField } from './fields/DateField';
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

/** Something learnt for the customer, the proof behind it, and who it went to. */
export function InsightForm(props: QuickLogFormProps<InsightFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(INSIGHT_DEFAULTS, props),
    build: buildInsight,
    save: putDraft('insights'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Log an insight" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <OpportunityField id={fieldId('opportunity_id')} fixedId={props.opportunityId} opportunities={props.opportunities} required={false} value={values.opportunity_id} error={errors.opportunity_id} onChange={(v) => set('opportunity_id', v)} />
      <Select id={fieldId('kind')} label="Kind of insight" options={optionsOf(INSIGHT_KIND_LABELS)} value={values.kind} error={errors.kind} onChange={(v) => set('kind', v)} />
      <TextArea id={fieldId('summary')} label="Summary" required value={values.summary} error={errors.summary} onChange={(v) => set('summary', v)} />
      <TextArea id={fieldId('proof')} label="Metric or proof" value={values.proof} error={errors.proof} onChange={(v) => set('proof', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="Shared with" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
      <DateField id={fieldId('shared_on')} label="Date shared" hint="Leave empty while it is a draft." value={values.shared_on} error={errors.shared_on} onChange={(v) => set('shared_on', v)} />
      <Toggle id={fieldId('travels_unedited')} label="They can forward it inside their company as it is" checked={values.travels_unedited} error={errors.travels_unedited} onChange={(v) => set('travels_unedited', v)} />
    </QuickLogFormShell>
  );
}
