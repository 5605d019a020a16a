import { errorId, hintId } from './field-ids';

/** The hint and the error under a field; the error is what `aria-describedby` points at. */
export function FieldMessages({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={hintId(id)} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId(id)} className="text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </>
  );
}

export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean | undefined }) {
  return (
    <label htmlFor={htmlFor} className="text-xs font-medium text-slate-700 dark:text-slate-200">
      {label}
      {required && <span className="text-slate-500 dark:text-slate-400"> (required)</span>}
    </label>
  );
}
