import { useRef } from 'react';
import { ACCOUNT_DEFAULTS, ACCOUNT_FIELDS, buildAccount, type AccountDrafts, type AccountFormValues } from '@/lib/forms/account';
import { askStore } from '@/lib/messaging/ask-store';
import { TextField } from './fields/TextField';
import { buildContextOf, initialValues } from './form-context';
import type { QuickLogFormProps } from './form-types';
import { QuickLogFormShell } from './QuickLogFormShell';
import { useQuickLogForm } from './use-quick-log-form';

export type AccountFormProps = Omit<QuickLogFormProps<AccountFormValues>, 'accountId' | 'stakeholders'> & { stakeholders?: QuickLogFormProps<AccountFormValues>['stakeholders'] };

/**
 * A new customer account and its email domains, e.g. from an address whose
 * domain no account has yet. The account is saved first, then each domain;
 * a domain another account already holds is shown on the domains field, and
 * saving again re-sends the same records (same ids), so nothing duplicates.
 */
export function AccountForm(props: AccountFormProps) {
  const accountId = useRef(crypto.randomUUID()).current;
  const domainIds = useRef(new Map<string, string>()).current;
  const domainId = (domain: string) => {
    if (!domainIds.has(domain)) domainIds.set(domain, crypto.randomUUID());
    return domainIds.get(domain)!;
  };
  const full = { ...props, accountId, stakeholders: props.stakeholders ?? [] };
  const form = useQuickLogForm({
    initial: initialValues(ACCOUNT_DEFAULTS, full),
    // The account's id is fixed here rather than per form open, because its domains reference it.
    build: (values, ctx) => buildAccount(values, { ...ctx, id: accountId }, domainId),
    save: saveAccount,
    ctx: buildContextOf(full),
    fields: { ...ACCOUNT_FIELDS, domain: 'domains' },
    onSaved: props.onSaved,
  });
  const { values, set, errors, fieldId } = form;
  return (
    <QuickLogFormShell title="Create an account" formRef={form.formRef} formError={form.formError} saving={form.saving} onSubmit={(e) => void form.submit(e)} onCancel={props.onCancel}>
      <TextField id={fieldId('name')} label="Company name" required value={values.name} error={errors.name} onChange={(v) => set('name', v)} />
      <TextField id={fieldId('domains')} label="Email domains" hint="Separate several with commas, e.g. acme.com, acme.co.uk" value={values.domains} error={errors.domains} onChange={(v) => set('domains', v)} />
    </QuickLogFormShell>
  );
}

async function saveAccount(drafts: AccountDrafts) {
  const account = await askStore({ type: 'store.put', kind: 'accounts', record: drafts.account });
  if (!account.ok) return account;
  for (const domain of drafts.domains) {
    const saved = await askStore({ type: 'store.put', kind: 'account_domains', record: domain });
    if (!saved.ok) return saved;
  }
  return account;
}
