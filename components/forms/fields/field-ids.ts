/**
 * The ids that tie a control to its label, hint and error, so a screen
 * reader announces the error with the field (`aria-describedby`).
 */
export function errorId(id: string): string {
  return `${id}-error`;
}

export function hintId(id: string): string {
  return `${id}-hint`;
}

export function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
  const ids = [error ? errorId(id) : null, hint ? hintId(id) : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** What every field component takes besides its value. */
export interface FieldBase {
  /** The control's DOM id; the label, hint and error derive theirs from it. */
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

export const CONTROL_CLASS =
  'w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:aria-invalid:border-red-400';
