import { describedBy, type FieldBase } from './field-ids';
import { FieldMessages } from './FieldMessages';
import type { SelectOption } from './Select';

interface CheckboxGroupProps<V extends string> extends FieldBase {
  values: readonly V[];
  options: readonly SelectOption<V>[];
  onChange(values: V[]): void;
  /** Shown instead of the boxes when there is nothing to pick from. */
  empty?: string;
  /** Two columns suit short labels (roles); people's names get one. */
  columns?: 1 | 2;
}

/**
 * Several choices (roles, attendees, audience) as a fieldset of checkboxes:
 * the legend names the group, Tab reaches each box, Space ticks it. The
 * error is described on the group; the first box carries the invalid mark so
 * a failed save can put the focus there.
 */
export function CheckboxGroup<V extends string>({ id, label, error, hint, values, options, onChange, empty, columns = 2 }: CheckboxGroupProps<V>) {
  const toggle = (value: V, on: boolean) => {
    const next = on ? [...values, value] : values.filter((v) => v !== value);
    // Keep the options' order, whatever order the boxes were ticked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset id={id} aria-describedby={describedBy(id, error, hint)} className="flex flex-col gap-1">
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-200">{label}</legend>
      {options.length === 0 && empty && <p className="text-xs text-slate-500 dark:text-slate-400">{empty}</p>}
      <div className={`grid gap-x-3 gap-y-1 ${columns === 2 ? 'grid-cols-2' : 'grid-cols-1'}`}>
        {options.map((option, index) => {
          const boxId = `${id}-${String(index)}`;
          return (
            <div key={option.value} className="flex min-w-0 items-start gap-2">
              <input
                id={boxId}
                type="checkbox"
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-invalid={error ? true : undefined}
                data-invalid={error && index === 0 ? 'true' : undefined}
                className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
              />
              <label htmlFor={boxId} className="min-w-0 text-sm break-words text-slate-800 dark:text-slate-100">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}
