import type { NextStep } from '@/lib/forms/intent-signal';
import { nextStepField } from '@/lib/forms/intent-signal';
import type { FieldErrors } from '@/lib/forms/validate';
import { errorId } from './fields/field-ids';
import { TextField } from './fields/TextField';

interface NextStepsFieldProps {
  id: string;
  fieldId(field: string): string;
  steps: readonly NextStep[];
  errors: FieldErrors;
  onChange(steps: NextStep[]): void;
}

/** The steps agreed with a verbal yes, each with the person who owns it. */
export function NextStepsField({ id, fieldId, steps, errors, onChange }: NextStepsFieldProps) {
  const update = (index: number, part: keyof NextStep, value: string) => onChange(steps.map((s, i) => (i === index ? { ...s, [part]: value } : s)));
  const groupError = errors.next_steps;
  return (
    <fieldset id={id} aria-describedby={groupError ? errorId(id) : undefined} className="flex flex-col gap-2 rounded border border-slate-200 p-2 dark:border-slate-700">
      <legend className="px-1 text-xs font-medium text-slate-700 dark:text-slate-200">Next steps and their owners (required for a verbal yes)</legend>
      {steps.map((step, index) => (
        <div key={index} className="flex flex-col gap-1">
          <TextField id={fieldId(nextStepField(index, 'step'))} label={`Step ${String(index + 1)}`} value={step.step} error={errors[nextStepField(index, 'step')]} onChange={(v) => update(index, 'step', v)} />
          <TextField id={fieldId(nextStepField(index, 'owner'))} label={`Owner of step ${String(index + 1)}`} value={step.owner} error={errors[nextStepField(index, 'owner')]} onChange={(v) => update(index, 'owner', v)} />
          {steps.length > 1 && (
            <button type="button" onClick={() => onChange(steps.filter((_, i) => i !== index))} className="self-start text-xs text-slate-600 underline dark:text-slate-300">
              Remove step {index + 1}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...steps, { step: '', owner: '' }])} className="self-start rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-50 dark:hover:bg-slate-800">
        Add a step
      </button>
      {groupError && (
        <p id={errorId(id)} className="text-xs font-medium text-red-700 dark:text-red-300">
          {groupError}
        </p>
      )}
    </fieldset>
  );
}
