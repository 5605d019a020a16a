import { z } from 'zod';
import { readDomain, splitList } from '../import/cells';
import { MEMBER_ROLES } from '../schemas/organization';

/**
 * The admin page's forms, validated the same way in the page (inline errors
 * before anything is sent) and in the background (what a page sends is
 * checked again). The database checks once more and has the last word.
 */

/** Whole days between 1 and 3650, as the database's `check` says. */
export const WindowDays = z.int('Enter whole days, such as 30').min(1, 'At least 1 day').max(3650, 'At most 3650 days (ten years)');

/** The same, from what was typed: digits only. */
const TypedDays = z
  .string()
  .trim()
  .regex(/^\d+$/, 'Enter whole days, such as 30')
  .transform(Number)
  .pipe(WindowDays);

export const SettingsValues = z.object({
  goal_current_days: WindowDays,
  insight_shared_days: WindowDays,
  stall_threshold_days: WindowDays,
});
export type SettingsValues = z.infer<typeof SettingsValues>;

export const SettingsForm = z.object({
  goal_current_days: TypedDays,
  insight_shared_days: TypedDays,
  stall_threshold_days: TypedDays,
});
export type SettingsFormInput = z.input<typeof SettingsForm>;

export const InviteValues = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address, such as dana@example.com').max(320, 'At most 320 characters')),
  role: z.enum(MEMBER_ROLES, 'Choose a role'),
});
export type InviteValues = z.infer<typeof InviteValues>;

/** The database keeps at most 50 own domains. */
export const MAX_OWN_DOMAINS = 50;

export type DomainsResult = { ok: true; domains: string[] } | { ok: false; message: string };

/**
 * Own domains as typed (one per line, or separated by commas or spaces), read
 * with the same rules as a customer's (lib/import/cells.ts `readDomain`):
 * `@Vendor.com` and `www.vendor.com` become `vendor.com`.
 */
export function readOwnDomains(typed: string | readonly string[]): DomainsResult {
  const parts = typeof typed === 'string' ? splitList(typed) : typed.flatMap((t) => splitList(t));
  const domains: string[] = [];
  for (const part of parts) {
    const domain = readDomain(part);
    if (!domain.ok) return { ok: false, message: `${domain.reason}.` };
    if (!domains.includes(domain.value)) domains.push(domain.value);
  }
  if (domains.length > MAX_OWN_DOMAINS) return { ok: false, message: `At most ${MAX_OWN_DOMAINS} domains; this list has ${domains.length}.` };
  return { ok: true, domains: domains.sort() };
}

/** The first problem of each field, for inline errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}
