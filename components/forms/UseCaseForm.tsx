import { optionsOf, USE_CASE_STATUS_LABELS } from '@/lib/forms/labels';
import { buildUseCase, FIELDS, USE_CASE_DEFAULTS, type UseCaseFormValues } from '@/lib/forms/use-case';
import { Select } from './fields/Select';
import { StakeholdersPicker } from './fields/StakeholderPicker';
import { TextArea } from './fields/TextArea';
import { TextField } from './fields/TextField';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { putDraft } from './save-draft';
import { useQuickLogForm } from './use-quick-log-form';

/** A way the customer uses the product, or could. */
export function UseCaseForm(props: QuickLogFormProps<UseCaseFormValues>) {
  const form = useQuickLogForm({
    initial: initialValues(USE_CASE_DEFAULTS, props),
    build: buildUseCase,
    save: putDraft('use_cases'),
    ctx: buildContextOf(props),
    fields: FIELDS,
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Log a use case" formRef={form.formRef} source={props.source} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <TextField id={fieldId('name')} label="Use case" required value={values.name} error={errors.name} onChange={(v) => set('name', v)} />
      <Select id={fieldId('status')} label="Status" options={optionsOf(USE_CASE_STATUS_LABELS)} value={values.status} error={errors.status} onChange={(v) => set('status', v)} />
      <TextArea id={fieldId('description')} label="Description" value={values.description} error={errors.description} onChange={(v) => set('description', v)} />
      <StakeholdersPicker id={fieldId('stakeholder_ids')} label="People involved" stakeholders={props.stakeholders} values={values.stakeholder_ids} error={errors.stakeholder_ids} onChange={(v) => set('stakeholder_ids', v)} />
    </QuickLogFormShell>
  );
}
