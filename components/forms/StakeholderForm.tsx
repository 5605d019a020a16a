import { optionsOf, STAKEHOLDER_INFLUENCE_LABELS, STAKEHOLDER_POSITION_LABELS, STAKEHOLDER_ROLE_LABELS } from '@/lib/forms/labels';
import { buildStakeholder, FIELDS, STAKEHOLDER_DEFAULTS, type StakeholderFormValues } from '@/lib/forms/stakeholder';
import { CheckboxGroup } from './fields/CheckboxGroup';
import { Select } from './fields/Select';
import { TextArea } from './fields/TextArea';
import { TextField } from './fields/TextField';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

const INFLUENCE_OPTIONS = [{ value: '' as const, label: 'Not judged yet' }, ...optionsOf(STAKEHOLDER_INFLUENCE_LABELS)];

/** A person at the customer: their part in the decision, where they stand, and what they still need to believe. */
export function StakeholderForm(props: QuickLogFormProps<StakeholderFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(STAKEHOLDER_DEFAULTS, props),
    build: buildStakeholder,
    save: putDraft('stakeholders'),
    ctx: buildContextOf(props),
    fields: { ...FIELDS, 'account_id,email': 'email' },
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Add a stakeholder" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <TextField id={fieldId('name')} label="Name" required value={values.name} error={errors.name} onChange={(v) => set('name', v)} />
      <TextField id={fieldId('email')} label="Email" type="email" value={values.email} error={errors.email} onChange={(v) => set('email', v)} />
      <TextField id={fieldId('title')} label="Job title" value={values.title} error={errors.title} onChange={(v) => set('title', v)} />
      <CheckboxGroup id={fieldId('roles')} label="Part in the decision" options={optionsOf(STAKEHOLDER_ROLE_LABELS)} values={values.roles} error={errors.roles} onChange={(v) => set('roles', v)} />
      <Select id={fieldId('position')} label="Where they stand" hint="Friendly is not the same as a sponsor." options={optionsOf(STAKEHOLDER_POSITION_LABELS)} value={values.position} error={errors.position} onChange={(v) => set('position', v)} />
      <Select id={fieldId('influence')} label="Influence" options={INFLUENCE_OPTIONS} value={values.influence} error={errors.influence} onChange={(v) => set('influence', v)} />
      <TextArea id={fieldId('belief_needed')} label="What they still need to believe" value={values.belief_needed} error={errors.belief_needed} onChange={(v) => set('belief_needed', v)} />
      <TextArea id={fieldId('notes')} label="Notes" value={values.notes} error={errors.notes} onChange={(v) => set('notes', v)} />
    </QuickLogFormShell>
  );
}
