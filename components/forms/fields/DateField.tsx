import { CONTROL_CLASS, describedBy, type FieldBase } from './field-ids';
import { FieldLabel, FieldMessages } from './FieldMessages';

interface DateFieldProps extends FieldBase {
  /** `YYYY-MM-DD`, or `''` for no date. */
  value: string;
  onChange(value: string): void;
}

export function DateField({ id, label, error, hint, required, value, onChange }: DateFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <input
        id={id}
        name={id}
        type="date"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required || undefined}
        data-invalid={error ? 'true' : undefined}
        className={CONTROL_CLASS}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}
