import { CONTROL_CLASS, describedBy, type FieldBase } from './field-ids';
import { FieldLabel, FieldMessages } from './FieldMessages';

interface TextFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email';
  inputMode?: 'text' | 'decimal';
  autoComplete?: string;
}

/** A one-line text input; Enter in it submits the form, as in any form. */
export function TextField({ id, label, error, hint, required, value, onChange, type = 'text', inputMode, autoComplete = 'off' }: TextFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <input
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
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
