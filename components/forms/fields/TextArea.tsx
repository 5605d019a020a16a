import { CONTROL_CLASS, describedBy, type FieldBase } from './field-ids';
import { FieldLabel, FieldMessages } from './FieldMessages';

interface TextAreaProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  rows?: number;
}

/** Multi-line text; Enter adds a line, Ctrl+Enter (⌘+Enter) submits (handled by the form). */
export function TextArea({ id, label, error, hint, required, value, onChange, rows = 3 }: TextAreaProps) {
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required || undefined}
        data-invalid={error ? 'true' : undefined}
        className={`${CONTROL_CLASS} resize-y`}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}
