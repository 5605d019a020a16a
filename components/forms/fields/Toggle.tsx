import { describedBy, type FieldBase } from './field-ids';
import { FieldMessages } from './FieldMessages';

interface ToggleProps extends FieldBase {
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A yes/no question as a labelled checkbox (Space toggles it). */
export function Toggle({ id, label, error, hint, checked, onChange }: ToggleProps) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          data-invalid={error ? 'true' : undefined}
          className="mt-0.5 h-4 w-4 accent-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <label htmlFor={id} className="text-sm text-slate-800 dark:text-slate-100">
          {label}
        </label>
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}
