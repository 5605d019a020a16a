import type { z } from 'zod';
import type { StoreError, StoreIssue } from '../messaging/store-messages';

/** zod issues as the protocol carries them: a dotted path and a sentence. */
export function toStoreIssues(error: z.ZodError, prefix = ''): StoreIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

export function storeError(code: StoreError['code'], message: string, issues: StoreIssue[] = []): { ok: false; error: StoreError } {
  return { ok: false, error: { code, message, issues } };
}
