import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BuildContext } from '@/lib/forms/build-context';
import { FORM_ERROR, issuesToFieldErrors, type BuildResult, type FieldErrors, type FieldMap } from '@/lib/forms/validate';
import type { StoreResult } from '@/lib/messaging/store-messages';
import type { AnyRecord } from '@/lib/schemas/record-kinds';

/** What saving a built draft answers: the stored record, or the store's typed error. */
export type SaveDraft<D> = (draft: D) => Promise<StoreResult<AnyRecord>>;

interface Options<V, D> {
  initial: V;
  build(values: V, ctx: BuildContext): BuildResult<D>;
  save: SaveDraft<D>;
  ctx: Omit<BuildContext, 'id'>;
  /** Where the store's issue paths are shown; unnamed paths go to the top of the form. */
  fields: FieldMap;
  onSaved(record: AnyRecord): void;
}

const UNREACHABLE = 'Sidecar could not reach its store. Nothing you typed was lost: try again.';

/**
 * The state and submit cycle every quick-logging form shares: typed values,
 * errors per field, the save, and where the focus goes. Values are never
 * reset by a failure; only `onSaved` ends the form.
 */
export function useQuickLogForm<V, D>({ initial, build, save, ctx, fields, onSaved }: Options<V, D>) {
  const prefix = useId();
  // One id per opened form: a retry after a lost answer updates the same record.
  const [id] = useState(() => crypto.randomUUID());
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failedAttempt, setFailedAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
  }, []);

  // After a failed save, the first invalid field takes the focus, or the
  // message at the top when the problem is not one field's.
  useEffect(() => {
    if (failedAttempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[data-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-form-error]');
    target?.focus();
  }, [failedAttempt]);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setFailedAttempt((n) => n + 1);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const built = build(values, { ...ctx, id });
    if (!built.ok) return fail(built.errors);
    setSaving(true);
    try {
      const answer = await save(built.draft);
      if (answer.ok) {
        setErrors({});
        onSaved(answer.value);
        return;
      }
      const mapped = issuesToFieldErrors(answer.error.issues, fields);
      fail({ ...mapped, [FORM_ERROR]: answer.error.message });
    } catch {
      fail({ [FORM_ERROR]: UNREACHABLE });
    } finally {
      setSaving(false);
    }
  };

  /** The DOM id of a field's control. */
  const fieldId = (field: string) => `${prefix}-${field.replace(/\./g, '-')}`;

  return { values, set, errors, saving, submit, formRef, fieldId, formError: errors[FORM_ERROR] };
}
