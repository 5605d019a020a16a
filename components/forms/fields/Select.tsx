import { CONTROL_CLASS, describedBy, type FieldBase } from './field-ids';
import { FieldLabel, FieldMessages } from './FieldMessages';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectProps<V extends string> extends FieldBase {
  value: V;
  options: readonly SelectOption<V>[];
  onChange(value: V): void;
}

/** A native select: keyboard and screen readers handle it on every platform. */
export function Select<V extends string>({ id, label, error, hint, required, value, options, onChange }: SelectProps<V>) {
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required || undefined}
        data-invalid={error ? 'true' : undefined}
        className={CONTROL_CLASS}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}
