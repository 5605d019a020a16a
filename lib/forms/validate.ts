import type { z } from 'zod';
import type { StoreIssue } from '../messaging/store-messages';
import { recordKinds, type RecordKind, type RecordOf } from '../schemas/record-kinds';

/**
 * The one path from what a form holds to a record the store will take: the
 * kind's own schema from lib/schemas, minus the columns the store stamps
 * itself (lib/store/records.ts), so a form can never disagree with the store
 * about what is valid.
 */

/** Columns the store sets on every write; a page sends none of them. */
const STAMPED = { organization_id: true, created_by: true, created_at: true, updated_at: true } as const;
type Stamped = keyof typeof STAMPED | 'stage_entered_at';

/** The record a form sends: the stored shape without the store's stamps. */
export type DraftOf<K extends RecordKind> = Omit<RecordOf<K>, Stamped>;

/** Form field name → the sentence shown under it. */
export type FieldErrors = Record<string, string>;

export type BuildResult<D> = { ok: true; draft: D } | { ok: false; errors: FieldErrors };

/** Where a record field's errors are shown: the form field of that name, or another one. */
export type FieldMap = Readonly<Record<string, string>>;

/** Field-less problems (an id, an account) are shown at the top of the form under this key. */
export const FORM_ERROR = '_form';

export function draftSchema(kind: RecordKind): z.ZodObject {
  const schema = recordKinds[kind].schema as z.ZodObject;
  const omit: Record<string, true> = { ...STAMPED };
  if (kind === 'opportunities') omit.stage_entered_at = true;
  return schema.omit(omit);
}

/**
 * Validates a draft with its kind's schema. `fields` maps each record field a
 * form shows to the form field it is typed in; an issue on any other field
 * is reported as a form-level error, never silently dropped.
 */
export function validateDraft<K extends RecordKind>(kind: K, input: Record<string, unknown>, fields: FieldMap): BuildResult<DraftOf<K>> {
  const parsed = draftSchema(kind).safeParse(input);
  if (parsed.success) return { ok: true, draft: parsed.data as DraftOf<K> };
  return { ok: false, errors: issuesToFieldErrors(parsed.error.issues.map(zodIssueToStoreIssue), fields) };
}

/** Maps issues (from zod or from the store's answer) onto form fields; the first message per field wins. */
export function issuesToFieldErrors(issues: readonly StoreIssue[], fields: FieldMap): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const top = issue.path.split(/[.,]/)[0] ?? '';
    const field = fields[top] ?? FORM_ERROR;
    const message = field === FORM_ERROR && top ? `${top}: ${issue.message}` : issue.message;
    errors[field] ??= message;
  }
  return errors;
}

/** Puts zod's technical wording into plain sentences; the path stays for mapping. */
export function zodIssueToStoreIssue(issue: z.core.$ZodIssue): StoreIssue {
  return { path: issue.path.map(String).join('.'), message: plainMessage(issue) };
}

function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array' ? `Keep it to ${String(issue.maximum)} items or fewer.` : issue.origin === 'string' ? `Keep this under ${String(issue.maximum)} characters.` : `Enter at most ${String(issue.maximum)}.`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'This is required.' : `Enter ${String(issue.minimum)} or more.`;
    case 'invalid_value':
      return 'Choose one of the options.';
    case 'invalid_format':
      if (issue.format === 'date') return 'Enter a date.';
      // An id field left empty is a choice not made (a goal, a stakeholder, an opportunity).
      return issue.format === 'guid' || issue.format === 'uuid' ? 'Choose one.' : issue.message;
    case 'invalid_type':
      // zod does not report the input by default, so the expected type decides the wording.
      return issue.expected === 'number' ? 'Enter a number, such as 12500.' : 'This is required.';
    case 'custom':
      return issue.message === 'must not be blank' ? 'This is required.' : issue.message;
    default:
      return issue.message;
  }
}
