import { optionsOf, OPPORTUNITY_SOURCE_LABELS, OPPORTUNITY_TYPE_LABELS, STAGE_LABELS } from '@/lib/forms/labels';
import { buildOpportunity, FIELDS, OPPORTUNITY_DEFAULTS, type OpportunityFormValues } from '@/lib/forms/opportunity';
import { DateField } from './fields/DateField';
import { Select } from './fields/Select';
import { TextArea } from './fields/TextArea';
import { TextField } from './fields/TextField';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

const SOURCE_OPTIONS = [{ value: '' as const, label: 'Not noted yet' }, ...optionsOf(OPPORTUNITY_SOURCE_LABELS)];

/** A renewal or growth motion, written down with where it came from. */
export function OpportunityForm(props: QuickLogFormProps<OpportunityFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(OPPORTUNITY_DEFAULTS, props),
    build: buildOpportunity,
    save: putDraft('opportunities'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="New opportunity" formRef={form.formRef} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <TextField id={fieldId('title')} label="Title" required value={values.title} error={errors.title} onChange={(v) => set('title', v)} />
      <Select id={fieldId('type')} label="Type" options={optionsOf(OPPORTUNITY_TYPE_LABELS)} value={values.type} error={errors.type} onChange={(v) => set('type', v)} />
      <Select id={fieldId('source')} label="Where it came from" options={SOURCE_OPTIONS} value={values.source} error={errors.source} onChange={(v) => set('source', v)} />
      <Select id={fieldId('declared_stage')} label="Stage you would put it in" options={optionsOf(STAGE_LABELS)} value={values.declared_stage} error={errors.declared_stage} onChange={(v) => set('declared_stage', v)} />
      <TextField id={fieldId('amount')} label="Amount" inputMode="decimal" value={values.amount} error={errors.amount} onChange={(v) => set('amount', v)} />
      <DateField id={fieldId('target_date')} label="Target decision date" value={values.target_date} error={errors.target_date} onChange={(v) => set('target_date', v)} />
      <DateField id={fieldId('target_date_confirmed_on')} label="Customer confirmed that date on" value={values.target_date_confirmed_on} error={errors.target_date_confirmed_on} onChange={(v) => set('target_date_confirmed_on', v)} />
      <TextArea id={fieldId('notes')} label="Notes" value={values.notes} error={errors.notes} onChange={(v) => set('notes', v)} />
    </QuickLogFormShell>
  );
}
