import type { BuildContext } from './build-context';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface AccountFormValues {
  name: string;
  /** The customer's email domains, separated by commas, spaces or lines. */
  domains: string;
}

export const ACCOUNT_DEFAULTS: AccountFormValues = { name: '', domains: '' };

/** A new account and the domains that recognise it, written in this order. */
export interface AccountDrafts {
  account: DraftOf<'accounts'>;
  domains: DraftOf<'account_domains'>[];
}

export const ACCOUNT_FIELDS: FieldMap = { name: 'name' };
export const DOMAIN_FIELDS: FieldMap = { domain: 'domains' };

/** `@Acme.COM`, `www.acme.com.` → `acme.com`: the form the database stores. */
export function normaliseDomain(typed: string): string {
  return typed.trim().toLowerCase().replace(/^@/, '').replace(/^www\./, '').replace(/\.$/, '');
}

export function parseDomains(typed: string): string[] {
  return [...new Set(typed.split(/[\s,;]+/).map(normaliseDomain).filter((d) => d !== ''))];
}

/**
 * `domainId` gives each domain its record id; the form keeps them per domain,
 * so saving again after a failure updates the same records.
 */
export function buildAccount(values: AccountFormValues, ctx: BuildContext, domainId: (domain: string) => string): BuildResult<AccountDrafts> {
  const account = validateDraft('accounts', { id: ctx.id, name: values.name.trim() }, ACCOUNT_FIELDS);
  const errors = account.ok ? {} : { ...account.errors };
  const domains: DraftOf<'account_domains'>[] = [];
  for (const domain of parseDomains(values.domains)) {
    const built = validateDraft('account_domains', { id: domainId(domain), account_id: ctx.id, domain }, DOMAIN_FIELDS);
    if (built.ok) domains.push(built.draft);
    else errors.domains ??= `${domain}: ${built.errors.domains ?? 'not a domain'}`;
  }
  if (!account.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { account: account.draft, domains } };
}
