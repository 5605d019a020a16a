/** An inline error under a field; the field names it with `aria-describedby={id}`. */
export function FieldError({ id, text }: { id: string; text: string | undefined | null }) {
  if (!text) return null;
  return (
    <p id={id} className="text-sm text-red-700 dark:text-red-400">
      {text}
    </p>
  );
}

/** The status line of a form after it was sent: what happened, for screen readers too. */
export function Saved({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
      {text}
    </p>
  );
}
