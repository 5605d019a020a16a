import { MEETING_KIND_LABELS, optionsOf } from '@/lib/forms/labels';
import { buildMeeting, FIELDS, MEETING_DEFAULTS, type MeetingFormValues } from '@/lib/forms/meeting';
import { DateField } from './fields/DateField';
import { OpportunityField } from './fields/OpportunityField';
import { Select } from './fields/Select';
import { StakeholdersPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

/** An alignment meeting or executive conversation, and who was there. */
export function MeetingForm(props: QuickLogFormProps<MeetingFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(MEETING_DEFAULTS, props),
    build: buildMeeting,
    save: putDraft('meetings'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Log a meeting" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <OpportunityField id={fieldId('opportunity_id')} fixedId={props.opportunityId} opportunities={props.opportunities} required={false} value={values.opportunity_id} error={errors.opportunity_id} onChange={(v) => set('opportunity_id', v)} />
      <Select id={fieldId('kind')} label="Kind of meeting" options={optionsOf(MEETING_KIND_LABELS)} value={values.kind} error={errors.kind} onChange={(v) => set('kind', v)} />
      <DateField id={fieldId('held_on')} label="Date" required hint="A later date means it is planned." value={values.held_on} error={errors.held_on} onChange={(v) => set('held_on', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="Attendees" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
      <TextArea id={fieldId('summary')} label="Summary" value={values.summary} error={errors.summary} onChange={(v) => set('summary', v)} />
    </QuickLogFormShell>
  );
}
