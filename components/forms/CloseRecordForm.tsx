import { buildCloseRecord, CLOSE_RECORD_DEFAULTS, FIELDS, type CloseRecordFormValues } from '@/lib/forms/close-record';
import { ADVOCACY_ASK_LABELS, CLOSE_OUTCOME_LABELS, optionsOf } from '@/lib/forms/labels';
import { DateField } from './fields/DateField';
import { OpportunityField } from './fields/OpportunityField';
import { Select } from './fields/Select';
import { TextArea } from './fields/TextArea';
import { TextField } from './fields/TextField';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

const ASK_OPTIONS = [{ value: '' as const, label: 'No ask made' }, ...optionsOf(ADVOCACY_ASK_LABELS)];

/** How the opportunity closed, why, and what comes next. */
export function CloseRecordForm(props: QuickLogFormProps<CloseRecordFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(CLOSE_RECORD_DEFAULTS, props),
    build: buildCloseRecord,
    save: putDraft('close_records'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Record the close" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <OpportunityField id={fieldId('opportunity_id')} fixedId={props.opportunityId} opportunities={props.opportunities} required value={values.opportunity_id} error={errors.opportunity_id} onChange={(v) => set('opportunity_id', v)} />
      <Select id={fieldId('outcome')} label="Outcome" options={optionsOf(CLOSE_OUTCOME_LABELS)} value={values.outcome} error={errors.outcome} onChange={(v) => set('outcome', v)} />
      <TextField id={fieldId('amount')} label="Amount" inputMode="decimal" value={values.amount} error={errors.amount} onChange={(v) => set('amount', v)} />
      <TextArea id={fieldId('terms_summary')} label="Terms" value={values.terms_summary} error={errors.terms_summary} onChange={(v) => set('terms_summary', v)} />
      <DateField id={fieldId('agreement_finalized_on')} label="Agreement finalised on" value={values.agreement_finalized_on} error={errors.agreement_finalized_on} onChange={(v) => set('agreement_finalized_on', v)} />
      <TextArea id={fieldId('close_reasons')} label="Why they chose to keep investing" hint="One reason per line." value={values.close_reasons} error={errors.close_reasons} onChange={(v) => set('close_reasons', v)} />
      <DateField id={fieldId('win_summary_sent_on')} label="Progress summary sent on" value={values.win_summary_sent_on} error={errors.win_summary_sent_on} onChange={(v) => set('win_summary_sent_on', v)} />
      <Select id={fieldId('advocacy_ask')} label="What we asked of them" options={ASK_OPTIONS} value={values.advocacy_ask} error={errors.advocacy_ask} onChange={(v) => set('advocacy_ask', v)} />
      <TextArea id={fieldId('advocacy_answer')} label="Their answer" value={values.advocacy_answer} error={errors.advocacy_answer} onChange={(v) => set('advocacy_answer', v)} />
      <TextArea id={fieldId('next_cycle_goals')} label="Goals for the next cycle" hint="One goal per line." value={values.next_cycle_goals} error={errors.next_cycle_goals} onChange={(v) => set('next_cycle_goals', v)} />
    </QuickLogFormShell>
  );
}
